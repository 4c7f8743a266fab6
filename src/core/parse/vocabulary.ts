import { lazyTest, mayHoldAny, mayStartWithAny, type TextTest } from '../text/lazy-pattern.js';

// Each pattern is made on first use and runs only when a cheap check says it can match (see lazy-pattern.ts): a
// necessary condition, so every verdict is the pattern's (test/core/title-precheck.test.ts).

/** Words that say a list, label or heading holds resources (links to study from) rather than topics. */
export const RESOURCE_WORDS = lazyTest(
  () =>
    /resource|\blinks?\b|reading|reference|\bsources?\b|videos?\b|articles?\b|\bbooks?\b|tutorials?\b|documentation|\bdocs\b|learn more|read more|see also|\brecursos\b|\breferencias\b|\breferências\b|\benlaces\b|\bmateriales\b|\bmateriais\b|\bressources\b|\bréférences\b|\bquellen\b|\bkaynaklar\b|资源|資源|资料|資料|教程|参考|參考|자료|리소스|링크|リソース|リンク|منابع|ресурс|ссылк|литератур/iu,
  mayHoldAny(['resource', 'link', 'reading', 'reference', 'source', 'video', 'article', 'book', 'tutorial', 'documentation', 'docs', 'learn more', 'read more', 'see also', 'recursos', 'referencias', 'enlaces', 'materiales', 'materiais', 'ressources', 'quellen', 'kaynaklar']),
);

/** A leading type marker on a resource line: 📖 🎥 📹 🛠 `:book:` `(video)` `@article@`. */
export const TYPE_MARKER = lazyTest(
  () =>
    /^(?:📖|📚|📕|📗|📘|📙|📓|📑|📃|📰|🎥|🎬|📹|📼|📺|🎙️?|📄|📝|🛠️?|🔧|🔗|🎓|🎧|:(?:book|books|closed_book|blue_book|green_book|orange_book|notebook|page_facing_up|page_with_curl|newspaper|scroll|memo|video_camera|movie_camera|clapper|tv|headphones|microphone|studio_microphone|link|mortar_board):|\((?:video|videos|article|book|course|docs?|pdf|podcast|paper|slides|talk)\)|@[a-z]+@)/iu,
  // Every marker starts with an emoji, ":", "(" or "@"; cheap enough to stay in front of the made pattern.
  (text) => {
    const c = text.charCodeAt(0);
    return c >= 0x80 || c === 58 || c === 40 || c === 64;
  },
  true,
);

/**
 * Headings that describe their parent instead of naming a topic: goals, prerequisites, pros and cons, sources.
 * Their prose joins the parent's description and their links its links.
 */
const LABEL_WORDS = [
  'goals?', 'objectives?', 'outcomes?', 'learning outcomes', 'pre-?requisites?', 'requirements?', 'what you(?:\'|’)?ll learn',
  'notes?', 'tips?', 'summary', 'overview', 'introduction', 'intro', 'description', 'sources?(?:\\(s\\))?', 'references?',
  'further reading', 'read more', 'learn more', 'see also', 'useful links', 'links', 'resources', 'additional resources',
  'more resources', 'other resources', 'advantages?(?:\\(s\\))?', 'disadvantages?(?:\\(s\\))?', 'pros(?: and cons)?', 'cons',
  'pros & cons', 'trade-?offs?', 'caveats?', '目标', '目標', '学习目标', '學習目標', '前置知识', '先备知识', '先備知識', '参考', '參考',
  '参考资料', '參考資料', 'هدف', 'اهداف', 'پیش‌نیاز', 'پیش نیازها', 'منابع', 'цель', 'цели', 'ресурсы', 'источники',
];

/**
 * Headings that describe their parent instead of naming a topic: goals, prerequisites, pros and cons, sources
 * ("Goal: master the basics", "Source(s) and further reading: replication"). Their content joins the parent.
 */
export const LABEL_HEADING = lazyTest(
  () => new RegExp(`^(?:${LABEL_WORDS.join('|')})(?:\\s+and\\s+further\\s+reading)?\\s*(?:[:：].*)?$`, 'iu'),
  mayStartWithAny(LABEL_WORDS),
);

const RESOURCE_NOUNS = '(?:resources?|reading|references?|links|books?|sources?(?:\\(s\\))?)';

/** Resource-only headings ("Additional resources", "Books / Manuals", "推荐学习资源"): links to study from, not topics. */
/** What a resource heading starts with, in any case: the words each alternative of RESOURCE_HEADING may start with. */
const RESOURCE_HEADING_STARTS = [
  'additional', 'more', 'other', 'recommended', 'useful', 'extra', 'learning', 'further', 'external', 'free', 'suggested', 'official',
  'resource', 'reading', 'reference', 'link', 'book', 'source', 'doc', 'recurso', 'referencia', 'referências', 'enlace', 'material',
  'ressource', 'références', 'lien', 'weitere', 'quellen', 'literatur', 'ek', 'kaynaklar', 'bağlantılar', 'tài',
  '推荐', '推薦', '额外', '額外', '其他', '学习', '學習', '参考', '參考', '资源', '資源', '资料', '資料', '文档', '文檔', '链接', '鏈接',
  'منابع', 'дополнительные', 'ресурсы', 'материалы', 'литература', '関連', 'リンク', 'ドキュメント', 'リソース', '참고', '자료', '문서', '링크',
];

export const RESOURCE_HEADING = lazyTest(
  () =>
    new RegExp(
      `^(?:(?:additional|more|other|recommended|useful|extra|learning|further|external|free|suggested)\\s+)*${RESOURCE_NOUNS}(?:\\s*[/&,]\\s*\\S+)?$` +
        '|^further reading$|^(?:推荐|推薦|额外|額外|其他|学习|學習|参考|參考)?(?:学习)?(?:资源|資源|资料|資料|文档|文檔|链接|鏈接)$|^参考资料$|^參考資料$|^منابع(?: بیشتر)?$|^(?:дополнительные )?(?:ресурсы|материалы)$|^литература$' +
        '|^(?:(?:additional|more|further|learning|useful|official)\\s+)?(?:docs|documentation)$|^(?:参考|関連)?(?:リンク|資料|ドキュメント|リソース)$|^(?:참고\\s*)?(?:자료|문서|링크)$' +
        '|^(?:recursos|referencias|documentación|enlaces|material)(?:\\s+(?:adicionales|recomendados|útiles))?$|^(?:recursos|referências|documentação|links)(?:\\s+(?:adicionais|recomendados|úteis))?$' +
        '|^(?:ressources|références|liens)(?:\\s+(?:utiles|supplémentaires|complémentaires))?$|^(?:weitere\\s+)?(?:ressourcen|quellen|links|literatur)$|^(?:ek\\s+)?(?:kaynaklar|bağlantılar)$|^(?:tài liệu|tài nguyên)(?:\\s+tham khảo)?$',
      'iu',
    ),
  mayStartWithAny(RESOURCE_HEADING_STARTS),
);

/** Kinds of study material that label a sub-bullet ("Book:", "Course:", "Video:"), in the languages roadmaps use. */
const RESOURCE_LABEL_WORDS = [
  'books?', 'courses?', 'videos?', 'articles?', 'tutorials?', 'docs', 'documentation', 'papers?', 'readings?', 'resources?',
  'links?', 'podcasts?', 'playlists?', 'cheat ?sheets?', 'lectures?', 'slides', 'references?',
  'libros?', 'cursos?', 'artículos?', 'documentación', 'lecturas?', 'recursos?', 'livros?', 'artigos?', 'documentação', 'leituras?',
  'livres?', 'cours', 'ressources?', 'buch', 'bücher', 'kurse?', 'artikel', 'dokumentation', 'lektüre',
  'книг[аи]', 'курсы?', 'стать[яи]', 'документация', 'видео', 'ресурсы?', 'کتاب', 'دوره', 'مقاله', 'ویدیو', 'منابع',
  'kitap', 'kurs', 'makale', 'dokümantasyon', 'kaynak(?:lar)?', 'sách', 'khóa học', 'bài viết', 'tài liệu',
  '书', '书籍', '書籍', '课程', '課程', '文章', '视频', '視頻', '影片', '文档', '文檔', '教程', '资源', '資源',
  '本', 'コース', '講座', '記事', '動画', 'ドキュメント', 'リソース', '책', '도서', '강의', '강좌', '영상', '문서', '자료',
];

/** Kinds of work that label a sub-bullet ("Project:", "Practice:"): something to do, so a topic of its own. */
const TASK_LABEL_WORDS = [
  'projects?', 'practice', 'exercises?', 'assignments?', 'challenges?', 'homework', 'labs?', 'milestone project',
  'proyectos?', 'práctica', 'practica', 'ejercicios?', 'projetos?', 'prática', 'exercícios?', 'projets?', 'pratique',
  'exercices?', 'projekte?', 'übung(?:en)?', 'aufgaben?', 'проекты?', 'практика', 'упражнения?', 'задани[ея]',
  'پروژه', 'تمرین', 'proje', 'pratik', 'alıştırma', 'dự án', 'thực hành', 'bài tập', '项目', '項目', '练习', '練習',
  '实践', '實踐', '作业', 'プロジェクト', '演習', '練習', '課題', '프로젝트', '실습', '연습', '과제',
];

const LABEL_MODIFIERS = ['free', 'recommended', 'optional', 'main', 'extra', 'bonus', 'online', 'mini', 'final', 'capstone'];

const labelPattern = (words: readonly string[]): TextTest =>
  lazyTest(
    () => new RegExp(`^(?:(?:${LABEL_MODIFIERS.join('|')})\\s+)?(?:${words.join('|')})$`, 'iu'),
    mayStartWithAny([...LABEL_MODIFIERS, ...words]),
  );

/** A sub-bullet label naming a kind of study material: the bullet resources or describes the item above it. */
export const RESOURCE_LABEL = labelPattern(RESOURCE_LABEL_WORDS);

/** A sub-bullet label naming work to do ("Project:"): the bullet stays a topic, titled by all its text. */
export const TASK_LABEL = labelPattern(TASK_LABEL_WORDS);
