// Copies of unsent forms kept in this browser (see autosave.js) hold personal data such
// as members' IINs. They belong to the person who typed them: each key names its owner,
// logging out removes them all, and a page opened by someone else on the same phone
// removes copies that are not theirs. A session that merely ran out keeps its copy, so
// it can still be sent after logging in again.
(function () {
  "use strict";
  var PREFIX = "jastarurban-draft:";
  var LEGACY = /^(application|review)-\d+$/; // copies saved before keys named their owner

  function draftKeys() {
    var keys = [];
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (key && (key.indexOf(PREFIX) === 0 || LEGACY.test(key))) keys.push(key);
    }
    return keys;
  }

  function forget(keep) {
    try {
      draftKeys().forEach(function (key) {
        if (!keep || key.indexOf(keep) !== 0) localStorage.removeItem(key);
      });
    } catch (error) { /* storage disabled: nothing kept either */ }
  }

  var owner = document.body.dataset.draftOwner || "";
  if (owner) forget(PREFIX + owner + ":");
  document.querySelectorAll("form[data-logout]").forEach(function (form) {
    form.addEventListener("submit", function () { forget(null); });
  });
  // The page after logging out: the server leaves a short-lived cookie saying so.
  if (/(?:^|;\s*)jastarurban_logged_out=1/.test(document.cookie)) {
    forget(null);
    document.cookie = "jastarurban_logged_out=; Max-Age=0; Path=/; SameSite=Lax";
  }
})();
