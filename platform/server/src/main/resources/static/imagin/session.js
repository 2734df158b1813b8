/* SH-2: the server ends a session after its inactivity timeout; this warns the user some minutes
   before and offers to stay. "Rester connecté" touches the session (GET /<académie>/session);
   with no answer the page goes to the login screen once the session is over. */
'use strict';
(function () {
  var dialog = document.getElementById('modale-expiration');
  if (!dialog) { return; }
  var timeout = Number(dialog.dataset.delai) * 1000;
  var warning = Math.min(Number(dialog.dataset.avertissement) * 1000, timeout);
  var remaining = document.getElementById('modale-expiration-reste');
  var warnTimer, endTimer, tick, deadline;

  function open() {
    if (window.dsfr) { window.dsfr(dialog).modal.disclose(); } else { dialog.showModal(); }
  }
  function close() {
    if (window.dsfr) { window.dsfr(dialog).modal.conceal(); } else { dialog.close(); }
  }
  function showRemaining() {
    var seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    remaining.textContent = seconds >= 60 ? Math.ceil(seconds / 60) + ' minute(s)' : seconds + ' seconde(s)';
  }
  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    window.clearInterval(tick);
    deadline = Date.now() + timeout;
    warnTimer = window.setTimeout(function () {
      showRemaining();
      tick = window.setInterval(showRemaining, 1000);
      open();
    }, timeout - warning);
    endTimer = window.setTimeout(function () {
      window.location.assign(dialog.dataset.connexion);
    }, timeout + 1000);
  }

  document.getElementById('session-rester').addEventListener('click', function () {
    fetch(dialog.dataset.prolonger, { credentials: 'same-origin', redirect: 'manual' })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        close();
        schedule();
        if (window.imaginConsole) { window.imaginConsole.ajouter('information', 'Votre session a été prolongée.'); }
      })
      .catch(function () { window.location.assign(dialog.dataset.connexion); });
  });
  schedule();
})();
