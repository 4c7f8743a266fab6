import type { SHELLS } from '../core/complete.js';

/**
 * The scripts `roadmap completion <shell>` prints. Each hands the words of the command line to the hidden
 * `roadmap __complete` and offers what it prints (`:files` asks for file names). Candidates are command and flag
 * names, numbers and title words made of letters and digits only, so nothing the shell would interpret.
 */
const SCRIPTS: Record<(typeof SHELLS)[number], string> = {
  bash: `# roadmap completion for bash. Load it with: eval "$(roadmap completion bash)"
_roadmap_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" out
  local IFS=$'\\n'
  out=$(command roadmap __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  if [[ "$out" == ":files" ]]; then
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
  else
    COMPREPLY=($out)
  fi
}
complete -F _roadmap_complete roadmap
`,
  zsh: `#compdef roadmap
# roadmap completion for zsh. Load it with: eval "$(roadmap completion zsh)" (after compinit)
_roadmap() {
  local out
  out=$(command roadmap __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null) || return 1
  if [[ "$out" == ":files" ]]; then
    _files
  elif [[ -n "$out" ]]; then
    compadd -- "\${(@f)out}"
  fi
}
if (( $+functions[compdef] )); then compdef _roadmap roadmap; fi
`,
  fish: `# roadmap completion for fish. Save it as ~/.config/fish/completions/roadmap.fish
function __roadmap_complete
    set -l words (commandline -opc) (commandline -ct)
    set -e words[1]
    set -l out (command roadmap __complete -- $words 2>/dev/null)
    if test "$out" = ":files"
        __fish_complete_path (commandline -ct)
    else
        printf '%s\\n' $out
    end
end
complete -c roadmap -f -a '(__roadmap_complete)'
`,
};

/** The completion script for a shell. */
export function completionScript(shell: (typeof SHELLS)[number]): string {
  return SCRIPTS[shell];
}
