/**
 * Headings that are about the document rather than part of the roadmap, in the languages roadmaps are written in
 * (en, zh, ja, ko, es, pt, ru, fa, fr, de, tr, vi). Titles are compared after normalizeForMatch: emoji, numbering,
 * punctuation and case removed. These words only break ties: shape decides structure first (see sections.ts), and
 * a boilerplate heading is only dropped, never used to pick the section level.
 */

/** Names of a table of contents. */
export const TOC_WORDS: readonly string[] = [
  // en
  'contents', 'table of contents', 'table of content', 'toc', 'index', 'content', 'outline',
  // zh
  '目录', '目錄', '内容目录', '內容目錄', '大纲', '大綱',
  // ja
  '目次', 'もくじ',
  // ko
  '목차', '차례',
  // es, pt
  'índice', 'indice', 'contenido', 'contenidos', 'tabla de contenidos', 'tabla de contenido', 'sumário', 'sumario', 'conteúdo', 'índice de conteúdo',
  // ru
  'содержание', 'оглавление',
  // fa
  'فهرست', 'فهرست مطالب',
  // fr
  'sommaire', 'table des matières', 'table des matieres',
  // de
  'inhalt', 'inhaltsverzeichnis',
  // tr
  'içindekiler', 'icindekiler', 'içerik',
  // vi
  'mục lục', 'muc luc', 'nội dung',
];

/** Whole titles that are boilerplate: license, contributing, sponsors, credits, disclaimers, legends, FAQ… */
export const BOILERPLATE_WORDS: readonly string[] = [
  // en
  'license', 'licence', 'licensing', 'contributing', 'contribute', 'how to contribute', 'contributors', 'contributers', 'contribution',
  'contributions', 'code of conduct', 'credits', 'acknowledgements', 'acknowledgments', 'thanks', 'special thanks',
  'sponsors', 'sponsor', 'backers', 'supporters', 'supported by', 'sponsored by', 'sponsorship', 'give a star',
  'star history', 'stargazers', 'disclaimer', 'translations', 'translation', 'translations in progress', 'faq',
  'faqs', 'how to use', 'how to use this', 'how to use it', 'how to use this list', 'how to use this plan', 'how to use this roadmap',
  'how to use this guide', 'how to use this repo', 'how to use this repository', 'how to use this checklist', 'using this roadmap', 'using this guide', 'support', 'support my work',
  'support us', 'donate', 'donations', 'contact', 'contact info', 'contact me', 'contact us', 'authors', 'author',
  'maintainers', 'related', 'see also', 'wrap up', 'wrapping up', 'conclusion', 'conclusions', 'final thoughts',
  'final words', 'closing thoughts', 'congratulations', 'changelog', 'legend', 'key', 'finally', 'final notes',
  'success metrics', 'feedback', 'about me', 'about the author', 'share', 'follow me',
  // zh
  '许可', '許可', '许可证', '許可證', '授權', '授权', '许可协议', '開源協議', '开源协议', '协议', '協議', '贡献', '貢獻',
  '贡献者', '貢獻者', '參與貢獻', '参与贡献', '如何贡献', '如何貢獻', '免责声明', '免責聲明', '声明', '聲明', '致谢', '致謝',
  '鸣谢', '鳴謝', '感谢', '感謝', '赞助', '贊助', '赞助商', '贊助商', '给个星星', '給個星星', '点个星', '點個星',
  '给个星', '求星', '最后', '最後', '结语', '結語', '总结', '總結', '常见问题', '常見問題', '翻译', '翻譯', '其他语言',
  '如何使用', '使用方法', '使用说明', '使用說明', '联系', '聯繫', '联系我', '联系方式', '聯絡方式', '作者', '关于作者',
  '關於作者', '更新日志', '更新日誌', '图例', '圖例', '说明', '說明',
  // ja
  'ライセンス', '貢献', 'コントリビュート', 'コントリビューション', 'コントリビューター', '謝辞', '免責事項', 'スポンサー',
  'よくある質問', '翻訳', '使い方', 'おわりに', '最後に', 'まとめ', '連絡先', '作者について', '凡例',
  // ko
  '라이선스', '라이센스', '기여', '기여하기', '기여자', '감사', '감사의 글', '면책 조항', '후원', '스폰서', '자주 묻는 질문',
  '번역', '사용법', '사용 방법', '마치며', '결론', '연락처', '저자', '범례',
  // es
  'licencia', 'contribuir', 'contribuciones', 'contribuidores', 'colaboradores', 'cómo contribuir', 'como contribuir',
  'créditos', 'creditos', 'agradecimientos', 'patrocinadores', 'descargo de responsabilidad', 'aviso legal',
  'traducciones', 'preguntas frecuentes', 'cómo usar', 'como usar', 'conclusión', 'conclusion', 'contacto', 'autor',
  'leyenda', 'dale una estrella', 'apoyo', 'reflexiones finales', 'palabras finales',
  // pt
  'licença', 'licenca', 'contribuindo', 'contribuição', 'contribuicao', 'contribuições', 'como contribuir',
  'agradecimentos', 'patrocinadores', 'isenção de responsabilidade', 'aviso', 'traduções', 'traducoes',
  'perguntas frequentes', 'como usar', 'conclusão', 'conclusao', 'contato', 'autor', 'legenda', 'dê uma estrela',
  'de uma estrela', 'apoie', 'considerações finais', 'consideracoes finais',
  // ru
  'лицензия', 'участие', 'вклад', 'как помочь', 'контрибьюторы', 'участники', 'благодарности', 'спонсоры',
  'отказ от ответственности', 'дисклеймер', 'переводы', 'перевод', 'часто задаваемые вопросы', 'чаво',
  'как пользоваться', 'как использовать', 'заключение', 'контакты', 'автор', 'легенда', 'поставьте звезду',
  'поддержка', 'обозначения',
  // fa
  'مجوز', 'لایسنس', 'مشارکت', 'مشارکت کنندگان', 'نحوه مشارکت', 'تشکر', 'قدردانی', 'حامیان', 'سلب مسئولیت',
  'ترجمه', 'ترجمه ها', 'سوالات متداول', 'پرسش های متداول', 'نحوه استفاده', 'نتیجه گیری', 'ارتباط', 'تماس',
  'نویسنده', 'ستاره بدهید', 'حمایت',
  // fr
  'licence', 'contribuer', 'contributions', 'contributeurs', 'comment contribuer', 'remerciements', 'crédits',
  'sponsors', 'avertissement', 'clause de non responsabilité', 'traductions', 'foire aux questions', 'comment utiliser',
  'utilisation', 'conclusion', 'contact', 'auteur', 'légende', 'legende', 'soutien', 'mot de la fin',
  // de
  'lizenz', 'mitwirken', 'beitragen', 'mitwirkende', 'danksagung', 'danksagungen', 'danke', 'sponsoren',
  'haftungsausschluss', 'übersetzungen', 'ubersetzungen', 'häufige fragen', 'haufige fragen', 'verwendung',
  'benutzung', 'fazit', 'schlusswort', 'kontakt', 'autor', 'legende', 'unterstützung', 'unterstutzung',
  // tr
  'lisans', 'katkı', 'katki', 'katkıda bulunma', 'katkida bulunma', 'katkıda bulunanlar', 'teşekkürler',
  'tesekkurler', 'sponsorlar', 'sorumluluk reddi', 'çeviriler', 'ceviriler', 'sıkça sorulan sorular', 'sss',
  'nasıl kullanılır', 'nasil kullanilir', 'sonuç', 'sonuc', 'iletişim', 'iletisim', 'yazar', 'destek',
  // vi
  'giấy phép', 'đóng góp', 'dong gop', 'người đóng góp', 'cách đóng góp', 'lời cảm ơn', 'cảm ơn', 'nhà tài trợ',
  'tuyên bố miễn trừ', 'miễn trừ trách nhiệm', 'bản dịch', 'câu hỏi thường gặp', 'cách sử dụng', 'kết luận',
  'liên hệ', 'tác giả', 'chú thích', 'ủng hộ',
];

/**
 * Leading words of boilerplate titles that go on ("Give me a star", "Consejos extra para el éxito", "Tips for
 * success", "Créditos y fuentes"): tips and advice around a plan, stars, licenses, credits. A prefix matches whole
 * words; one ending in "*" is a stem and matches any continuation ("acknowledg*").
 */
export const BOILERPLATE_PREFIXES: readonly string[] = [
  // en
  'table of contents', 'license', 'contributing', 'code of conduct', 'sponsors', 'sponsor', 'give me a star',
  'give a star', 'give us a star', 'give it a star', 'give this repo a star', 'give the project a star', 'star this',
  'tips', 'tips and', 'pro tips', 'extra tips', 'bonus tips', 'final tips', 'general tips', 'credits',
  'acknowledg*', 'disclaimer', 'how to contribute', 'success metrics', 'frequently asked',
  // zh, ja, ko
  '给个星', '給個星', '点个星', '點個星', '小贴士', '小貼士', '温馨提示', '溫馨提示', '免责', '免責', '致谢', '致謝',
  'ヒント', 'コツ', '팁', '조언',
  // es, pt
  'consejos', 'tips extra', 'créditos', 'creditos', 'dicas', 'conselhos', 'licencia', 'licença',
  // ru, fa
  'советы', 'благодарност*', 'نکات', 'توصیه ها',
  // fr, de
  'conseils', 'astuces', 'tipps', 'ratschläge',
  // tr, vi
  'ipuçları', 'ipuclari', 'tavsiyeler', 'mẹo', 'lời khuyên',
];
