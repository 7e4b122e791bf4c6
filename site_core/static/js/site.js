// Click-to-load videos: nothing is requested from the video host until the reader presses play.
// Without JavaScript the play button is a plain link to the video.
document.addEventListener("click", (event) => {
  const play = event.target.closest(".video__play");
  if (!play) return;
  const figure = play.closest("[data-video-embed]");
  const src = figure && figure.dataset.videoEmbed;
  if (!src) return;
  event.preventDefault();
  const iframe = document.createElement("iframe");
  iframe.src = src;
  iframe.title = figure.dataset.videoTitle || "";
  iframe.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
  iframe.referrerPolicy = "strict-origin-when-cross-origin";
  const frame = figure.querySelector(".video__frame");
  frame.replaceChildren(iframe);
  iframe.focus();
});

// The language menu (a <details>): Escape closes it and returns focus to its button; it also
// closes when focus or a click leaves it, so it never stays open over the page.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const menu = event.target.closest && event.target.closest(".language-switcher details[open]");
  if (!menu) return;
  menu.open = false;
  menu.querySelector("summary").focus();
});
const closeSwitcherOutside = (event) => {
  document.querySelectorAll(".language-switcher details[open]").forEach((menu) => {
    if (!menu.contains(event.target)) menu.open = false;
  });
};
document.addEventListener("focusin", closeSwitcherOutside);
document.addEventListener("click", closeSwitcherOutside);

// Relative times ("16 hours ago"): the page says the date itself (it may come from the page
// cache hours after it was made); while the date is recent (data-relative-for, in seconds),
// it is shown as a relative time in the page's language, and kept true as time passes.
const RELATIVE_UNITS = [
  ["year", 365 * 86400],
  ["month", 30 * 86400],
  ["week", 7 * 86400],
  ["day", 86400],
  ["hour", 3600],
  ["minute", 60],
];
const showRelativeTimes = () => {
  if (!window.Intl || !Intl.RelativeTimeFormat) return;
  const words = new Intl.RelativeTimeFormat(document.documentElement.lang || undefined, {
    numeric: "auto",
  });
  const now = Date.now();
  document.querySelectorAll("time[data-relative-for]").forEach((time) => {
    if (time.dataset.date === undefined) time.dataset.date = time.textContent;
    const seconds = (Date.parse(time.dateTime) - now) / 1000;
    if (Number.isNaN(seconds) || Math.abs(seconds) >= Number(time.dataset.relativeFor)) {
      time.textContent = time.dataset.date;
      return;
    }
    const [unit, size] = RELATIVE_UNITS.find(([, length]) => Math.abs(seconds) >= length) || [
      "second",
      1,
    ];
    // Under a minute: "now" (the words are renewed every half minute, never stale by more).
    const amount = unit === "second" ? 0 : Math.trunc(seconds / size);
    time.textContent = words.format(amount, unit);
  });
};
showRelativeTimes();
setInterval(showRelativeTimes, 30_000);
