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
