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
