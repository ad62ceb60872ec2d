// Small enhancements only: every page works without this file.
(function () {
  "use strict";
  // Leave quickly: replace this page in history so Back does not return to it, and
  // also leave when Escape is pressed three times in a row.
  var exitLink = document.querySelector("[data-quick-exit]");
  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.visibility = "hidden";
    window.location.replace(exitLink.href);
  }
  if (exitLink) {
    exitLink.addEventListener("click", leave);
    var presses = 0, timer = null;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      presses += 1;
      clearTimeout(timer);
      timer = setTimeout(function () { presses = 0; }, 1500);
      if (presses >= 3) leave();
    });
  }
  // "Copy my code" appears only when the browser can copy.
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.querySelector(button.getAttribute("data-copy"));
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = "Copied!";
      });
    });
  });
  // "Listen": the browser's own speech, no outside service. Shown only where it exists.
  var listen = document.querySelector("[data-listen]");
  if (listen && "speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
    listen.hidden = false;
    listen.addEventListener("click", function () {
      if (window.speechSynthesis.speaking) {
        window.speechSynthesis.cancel();
        listen.textContent = "Listen to this page";
        return;
      }
      var main = document.getElementById("main");
      var words = main.innerText.replace(listen.textContent, "");
      var utterance = new SpeechSynthesisUtterance(words);
      utterance.lang = "en-GB";
      utterance.rate = 0.9;
      utterance.onend = function () { listen.textContent = "Listen to this page"; };
      listen.textContent = "Stop listening";
      window.speechSynthesis.speak(utterance);
    });
  }
  // Move focus to an error summary so screen readers hear it first.
  var summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
})();
