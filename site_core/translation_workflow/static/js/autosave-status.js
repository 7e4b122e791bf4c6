/* One status at a time in the page editor (issue 16: "✓ Saved" beside "could not be saved").
 *
 * When publishing (or saving) fails on a required field, Wagtail shows the page again with
 * "The page could not be saved due to validation errors." and marks the form as having unsaved
 * changes; autosave then saves those changes as a draft at once (drafts may leave required fields
 * empty), and its indicator says "Saved" under a banner that says the opposite. Once an autosave
 * succeeds, the banner is out of date: it is replaced by what is true now (the draft is saved,
 * the marked fields still stop publishing). The words come from the script tag (translated). */
(() => {
  const script = document.currentScript;
  const note = script && script.dataset.savedNote;
  if (!note) return;
  document.addEventListener('w-autosave:success', () => {
    document
      .querySelectorAll('.messages li.error:not([data-autosave-replaced])')
      .forEach((item) => {
        item.setAttribute('data-autosave-replaced', '');
        item.classList.remove('error');
        item.classList.add('warning');
        const icon = item.querySelector('.messages-icon');
        item.textContent = '';
        if (icon) item.append(icon);
        item.append(note);
      });
  });
})();
