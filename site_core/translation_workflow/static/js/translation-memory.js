// The translation editor's helpers (site_core.translation_workflow: changes, memory_views):
// - the review bar's counters ("3 of 5 segments translated", the segments still to check) are
//   fetched again whenever the editor has saved or reverted a segment, so they are right without
//   a reload (the sentence sits in an aria-live region);
// - "Keep the previous translation" and "Use" in the changed-English panel save that text as the
//   segment's translation through the endpoint the editor itself saves with, then reload the
//   page so that the editor shows it.
(function () {
    function start() {
        var editor = document.querySelector(".js-translation-editor");
        var progress = document.querySelector(".translation-review__progress[data-progress-url]");
        if (!editor) {
            return;
        }
        var csrf = editor.querySelector("input[name=csrfmiddlewaretoken]");
        var token = csrf ? csrf.value : "";
        if (progress) {
            watchSaves(editor, debounce(function () {
                refreshProgress(progress);
            }, 300));
        }
        document.querySelectorAll("[data-translation-memory]").forEach(function (panel) {
            panel.addEventListener("click", function (event) {
                var button = event.target.closest("button[data-memory-use]");
                if (button) {
                    use(panel, button, token);
                }
            });
        });
    }

    function debounce(callback, wait) {
        var timer = null;
        return function () {
            clearTimeout(timer);
            timer = setTimeout(callback, wait);
        };
    }

    // The addresses the editor saves segments to (from its own props).
    function segmentUrls(editor) {
        var urls = {};
        try {
            JSON.parse(editor.dataset.props || "{}").segments.forEach(function (segment) {
                if (segment.editUrl) {
                    urls[new URL(segment.editUrl, window.location.href).pathname] = true;
                }
            });
        } catch (error) {
            // no props: nothing to watch
        }
        return urls;
    }

    // Each request the editor makes to a segment's address shows up as a finished resource
    // timing entry: no need to touch the editor's code.
    function watchSaves(editor, onSave) {
        var urls = segmentUrls(editor);
        if ("PerformanceObserver" in window) {
            try {
                new PerformanceObserver(function (list) {
                    var saved = list.getEntries().some(function (entry) {
                        return urls[new URL(entry.name, window.location.href).pathname];
                    });
                    if (saved) {
                        onSave();
                    }
                }).observe({ type: "resource" });
                return;
            } catch (error) {
                // fall through to watching the editor's markup
            }
        }
        new MutationObserver(onSave).observe(editor, { childList: true, subtree: true });
    }

    function refreshProgress(progress) {
        fetch(progress.dataset.progressUrl, {
            credentials: "same-origin",
            headers: { Accept: "application/json" },
        })
            .then(function (response) {
                return response.ok ? response.json() : null;
            })
            .then(function (data) {
                if (data && progress.innerHTML.trim() !== data.html) {
                    progress.innerHTML = data.html;
                }
            })
            .catch(function () {
                // the counters stay as they were; the next save tries again
            });
    }

    function use(panel, button, token) {
        var status = panel.querySelector("[data-memory-status]");
        var body = new FormData();
        body.append("value", button.dataset.memoryUse);
        button.disabled = true;
        fetch(button.dataset.memoryUrl, {
            credentials: "same-origin",
            method: "PUT",
            body: body,
            headers: { "X-CSRFToken": token },
        })
            .then(function (response) {
                if (response.status !== 200 && response.status !== 201) {
                    throw new Error(String(response.status));
                }
                if (status) {
                    status.textContent = status.dataset.savedText || "";
                }
                window.location.reload();
            })
            .catch(function () {
                button.disabled = false;
                if (status) {
                    status.textContent = status.dataset.failedText || "";
                }
            });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
