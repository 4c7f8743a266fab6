/** Words that say a list, label or heading holds resources (links to study from) rather than topics. */
export const RESOURCE_WORDS =
  /resource|\blinks?\b|reading|reference|\bsources?\b|videos?\b|articles?\b|\bbooks?\b|tutorials?\b|documentation|\bdocs\b|learn more|read more|see also|资源|資源|资料|資料|教程|参考|參考|منابع|ресурс|ссылк|литератур/iu;

/** A leading type marker on a resource line: 📖 🎥 📹 🛠 `:book:` `(video)` `@article@`. */
export const TYPE_MARKER =
  /^(?:📖|📚|🎥|📹|📺|📄|📝|🛠️?|🔧|🔗|🎓|🎧|:book:|:books:|:video_camera:|:movie_camera:|:link:|\((?:video|article|book|course|docs?|pdf)\)|@[a-z]+@)/iu;

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
export const LABEL_HEADING = new RegExp(`^(?:${LABEL_WORDS.join('|')})(?:\\s+and\\s+further\\s+reading)?\\s*(?:[:：].*)?$`, 'iu');

const RESOURCE_NOUNS = '(?:resources?|reading|references?|links|books?|sources?(?:\\(s\\))?)';

/** Resource-only headings ("Additional resources", "Books / Manuals", "推荐学习资源"): links to study from, not topics. */
export const RESOURCE_HEADING = new RegExp(
  `^(?:(?:additional|more|other|recommended|useful|extra|learning|further|external|free|suggested)\\s+)*${RESOURCE_NOUNS}(?:\\s*[/&,]\\s*\\S+)?$` +
    '|^further reading$|^(?:推荐|推薦|额外|額外|其他|学习|學習)?(?:学习)?(?:资源|資源|资料|資料)$|^参考资料$|^參考資料$|^منابع(?: بیشتر)?$|^(?:дополнительные )?(?:ресурсы|материалы)$|^литература$',
  'iu',
);
