// Translators type and read in their own language: give the translation editor's text fields and
// displayed translations the target language and direction (right-to-left for Hebrew), as
// wagtail-localize renders them; and put the admin language's words in place of the two strings
// wagtail-localize's script writes in English ("More actions", "<source> to <target> translation";
// the template supplies them in data-i18n-* attributes).
(function () {
    function start() {
        var editor = document.querySelector(".js-translation-editor[data-target-lang]");
        if (!editor) {
            return;
        }
        var lang = editor.dataset.targetLang;
        var dir = editor.dataset.targetDir;
        function mark() {
            // The fields translators type into, and each segment's translation as displayed
            // (the block after the source text in a segment's list item).
            var fields = editor.querySelectorAll("textarea, input[type=text], li > p + div");
            fields.forEach(function (field) {
                if (field.getAttribute("lang") !== lang) {
                    field.setAttribute("lang", lang);
                    field.setAttribute("dir", dir);
                }
            });
        }
        var words = englishWords(editor);
        function update() {
            mark();
            translateWords(editor, words);
        }
        update();
        new MutationObserver(update).observe(editor, { childList: true, subtree: true });
    }
    function englishWords(editor) {
        var words = {};
        var props = JSON.parse(editor.dataset.props || "{}");
        if (editor.dataset.i18nMoreActions) {
            words["More actions"] = editor.dataset.i18nMoreActions;
        }
        if (editor.dataset.i18nTitle && props.sourceLocale && props.locale) {
            var source = props.sourceLocale.displayName;
            var target = props.locale.displayName;
            words[source + " to " + target + " translation"] = editor.dataset.i18nTitle
                .replace("{source}", source)
                .replace("{target}", target);
        }
        return words;
    }
    function translateWords(editor, words) {
        var walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
        var node;
        while ((node = walker.nextNode())) {
            var text = node.nodeValue.trim();
            if (Object.prototype.hasOwnProperty.call(words, text) && words[text] !== text) {
                node.nodeValue = node.nodeValue.replace(text, words[text]);
            }
        }
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
