// "Send the code again" waits out the minute before a new code may be asked for.
// Without JavaScript the button works at once and the server says how long to wait.
(function () {
  for (const button of document.querySelectorAll("[data-resend] [data-wait]")) {
    let left = parseInt(button.dataset.wait, 10) || 0;
    if (left <= 0) continue;
    const label = button.textContent;
    const template = button.dataset.waitText;
    const tick = () => {
      if (left <= 0) {
        button.disabled = false;
        button.textContent = label;
        return;
      }
      button.disabled = true;
      button.textContent = template.replace("{s}", left);
      left -= 1;
      setTimeout(tick, 1000);
    };
    tick();
  }
})();
