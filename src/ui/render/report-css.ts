/**
 * The report's stylesheet, inlined into the page. System fonts only (nothing is loaded). Three media rules: a phone
 * (one column, smaller ring), print (no page size is forced, so A4 and Letter both fit; colours kept; folded notes
 * printed open) and a dark screen.
 */
export const REPORT_CSS = `
:root{--ink:#1d2433;--muted:#5d6679;--line:#e3e6ec;--bg:#f4f5f8;--card:#fff;--done:#16a36a;--doing:#e88a0c;--skip:#9aa3b2;--accent:#3f5bd8;--accent-soft:#c9d2f6;color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif;overflow-wrap:anywhere}
main{max-width:1040px;margin:0 auto;padding:28px 24px 40px}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
code{font:12px/1.3 ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace}
.hero{display:flex;align-items:center;gap:26px;background:var(--card);border-radius:16px;padding:22px 26px;box-shadow:0 1px 2px rgba(16,24,40,.06),0 1px 3px rgba(16,24,40,.08)}
.ring{width:132px;height:132px;flex:none}
.ring circle{fill:none;stroke-width:13}
.ring .track{stroke:var(--line)}
.ring .fill{stroke:var(--done);stroke-linecap:round}
.ring .pct{font-size:27px;font-weight:700;fill:var(--ink);text-anchor:middle;dominant-baseline:central}
.kicker time{white-space:nowrap}
.kicker{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:12px;font-weight:600;color:var(--muted)}
h1{margin:2px 0 6px;font-size:28px;line-height:1.2}
.summary{margin:0;color:var(--muted);font-size:16px}
.summary strong{color:var(--ink)}
.chips{list-style:none;margin:10px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:6px 16px;font-size:13px;color:var(--muted)}
.chip{display:inline-flex;align-items:center;gap:6px}
.chip .mark{margin-top:0}
.rhythm{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,7fr);gap:16px;margin:16px 0}
.cards{display:grid;gap:12px}
.card,.chart,.section{background:var(--card);border-radius:14px;box-shadow:0 1px 2px rgba(16,24,40,.06),0 1px 3px rgba(16,24,40,.08)}
.card{display:flex;flex-direction:column;padding:12px 16px}
.card .label{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:600}
.card .value{font-size:24px;font-weight:700;line-height:1.25;white-space:nowrap}
.card .value small{font-size:14px;font-weight:500;color:var(--muted)}
.card .sub{font-size:13px;color:var(--muted)}
.chart{margin:0;padding:14px 16px 10px;display:flex;flex-direction:column}
.chart figcaption{font-weight:600}
.chart figcaption span{font-weight:400;color:var(--muted);font-size:13px}
.weeks{list-style:none;margin:10px 0 0;padding:0;display:flex;gap:6px;flex:1;min-height:170px}
.week{flex:1;display:flex;flex-direction:column;align-items:center;min-width:0}
.week .n{font-size:12px;color:var(--muted);font-variant-numeric:tabular-nums}
.week .col{flex:1;width:100%;position:relative;border-bottom:2px solid var(--line)}
.week .b{position:absolute;left:0;right:0;bottom:0;border-radius:5px 5px 0 0;background:var(--accent-soft)}
.week.current .b{background:var(--accent)}
.week.current .n{color:var(--ink);font-weight:700}
.week .d{font-size:11px;color:var(--muted);white-space:nowrap;margin-top:4px;overflow:visible}
.section{padding:16px 20px 18px;margin:0 0 14px}
.section.quiet{padding:9px 20px;margin-bottom:8px;box-shadow:none;border:1px dashed var(--line);background:transparent}
.section.quiet h2{font-size:15px;font-weight:600;color:var(--muted)}
.section.quiet .count{font-weight:400;font-size:13px}
.section>header{display:flex;align-items:baseline;justify-content:space-between;gap:12px}
h2{margin:0;font-size:18px;line-height:1.3}
h2 .num{color:var(--muted);font-weight:600;margin-right:2px}
.count{flex:none;font-weight:600;color:var(--muted);font-variant-numeric:tabular-nums}
.count.complete{color:var(--done)}
.bar{height:8px;border-radius:4px;background:var(--line);margin:8px 0 12px;overflow:hidden}
.bar span{display:block;height:100%;border-radius:4px;background:var(--done)}
.topics,.topics ul{list-style:none;margin:0;padding:0}
.topics{columns:2 300px;column-gap:28px}
.topics>li{break-inside:avoid}
.topics ul{padding-left:22px}
.row{display:flex;align-items:flex-start;gap:7px;padding:3px 0}
.tn{color:var(--muted);font-size:13px;font-variant-numeric:tabular-nums;flex:none;min-width:2.2em;padding-top:1px}
.tt{flex:1;min-width:0}
.mark{flex:none;display:inline-block;position:relative;width:16px;height:16px;margin-top:2px;border-radius:50%;border:2px solid #c3c9d4;background:var(--card)}
[data-status=done]>.row .mark,.chip[data-status=done] .mark{background:var(--done);border-color:var(--done)}
[data-status=done]>.row .mark::after,.chip[data-status=done] .mark::after{content:"";position:absolute;left:3.5px;top:.5px;width:4px;height:8px;border:solid #fff;border-width:0 2px 2px 0;transform:rotate(45deg)}
[data-status=in-progress]>.row .mark,.chip[data-status=in-progress] .mark{border-color:var(--doing);background:linear-gradient(90deg,var(--doing) 50%,var(--card) 50%)}
[data-status=skipped]>.row .mark,.chip[data-status=skipped] .mark{border-color:var(--skip);background:var(--skip)}
[data-status=skipped]>.row .mark::after,.chip[data-status=skipped] .mark::after{content:"";position:absolute;left:2px;right:2px;top:5px;height:2px;background:#fff}
[data-status=done]>.row .tt{color:var(--muted)}
[data-status=skipped]>.row .tt{color:var(--muted);text-decoration:line-through}
[data-status=done]>.row .tt a,[data-status=skipped]>.row .tt a{color:inherit}
.pill{flex:none;font-size:11px;font-weight:600;border-radius:9px;padding:1px 7px;margin-top:1px;background:#fdefd9;color:#9a5800}
[data-status=skipped]>.row .pill{background:#eceef2;color:var(--muted)}
details{margin:0 0 4px 51px;font-size:13px}
summary{cursor:pointer;color:var(--muted);width:max-content;max-width:100%}
details.has-notes>summary{color:var(--accent);font-weight:600}
.note{margin:6px 0;padding:6px 10px;border-left:3px solid var(--accent-soft);background:#f7f8fc;border-radius:0 8px 8px 0}
.note time{display:block;font-size:11px;color:var(--muted)}
.note p{margin:2px 0 0;white-space:pre-wrap}
.links{margin:4px 0;padding-left:18px}
.inert-url{color:var(--muted);background:var(--bg);border-radius:4px;padding:0 4px}
.empty{color:var(--muted)}
footer{margin-top:18px;color:var(--muted);font-size:13px}
@media (max-width:640px){
main{padding:14px 12px 28px}
.hero{gap:16px;padding:16px}
.ring{width:92px;height:92px}
h1{font-size:21px}
.summary{font-size:14px}
.rhythm{grid-template-columns:minmax(0,1fr)}
.cards{grid-template-columns:repeat(2,minmax(0,1fr))}
.cards>:last-child:nth-child(odd){grid-column:1/-1}
.card .value{font-size:21px}
.weeks{min-height:140px;gap:3px}
.week .d{font-size:10px}
.week:nth-child(even) .d{visibility:hidden}
.topics{columns:1}
details{margin-left:30px}
.tn{min-width:0}
}
@media print{
@page{margin:14mm 12mm}
:root{--bg:#fff}
body{font-size:11pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
main{max-width:none;padding:0}
.hero,.card,.chart,.section{box-shadow:none;border:1px solid var(--line)}
.hero,.rhythm,.section>header,.bar{break-inside:avoid}
.section.quiet{padding:9px 20px;margin-bottom:8px;box-shadow:none;border:1px dashed var(--line);background:transparent}
.section.quiet h2{font-size:15px;font-weight:600;color:var(--muted)}
.section.quiet .count{font-weight:400;font-size:13px}
.section>header{break-after:avoid}
.section{break-inside:auto}
details::details-content{content-visibility:visible;display:block}
details:not(.has-notes),.links,.sl{display:none}
.week:nth-child(even) .d{visibility:hidden}
summary{list-style:none;font-weight:600}
a{color:var(--ink)}
}
@media screen and (prefers-color-scheme:dark){
:root{--ink:#e6e9ef;--muted:#9aa3b5;--line:#2f3646;--bg:#11151d;--card:#1a202b;--accent:#8ea2ff;--accent-soft:#3a4a8c;color-scheme:dark}
.note{background:#202838}
.pill{background:#4a3512;color:#ffd08a}
}
`;
