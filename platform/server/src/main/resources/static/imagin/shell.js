/* The shell's dynamic parts: full-screen toggle (SH-5), the console (SH-4) and fresh CSRF tokens.
   Plain script, no framework; everything it drives also works with the keyboard. */
'use strict';
(function () {
  var FULL_SCREEN_KEY = 'imagin.pleinEcran';

  /* ---- Console: timestamped messages, newest first, announced to screen readers ---- */
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function timestamp(d) {
    return pad(d.getDate()) + '/' + pad(d.getMonth() + 1) + '/' + d.getFullYear() + ' '
      + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }
  var LEVELS = { information: 'Information', avertissement: 'Avertissement', erreur: 'Erreur' };

  function announce(text) {
    var status = document.getElementById('console-annonce');
    if (!status) { return; }
    status.textContent = '';
    window.setTimeout(function () { status.textContent = text; }, 100);
  }

  /** Adds a message written by a script: imaginConsole.ajouter('erreur', '…'). */
  function add(level, text) {
    var list = document.getElementById('console-messages');
    if (!list) { return; }
    var empty = list.querySelector('.imagin-console__vide');
    if (empty) { empty.remove(); }
    var item = document.createElement('li');
    item.className = 'imagin-console__message imagin-console__message--' + level + ' imagin-console__message--nouveau';
    item.textContent = '(' + timestamp(new Date()) + ') ' + LEVELS[level] + ' : ' + text;
    list.insertBefore(item, list.firstChild);
    announce(item.textContent);
  }
  window.imaginConsole = { ajouter: add };

  /* Messages the server wrote for this page are read out once it has loaded. */
  var fresh = document.querySelectorAll('.imagin-console__message--nouveau');
  if (fresh.length) {
    announce(Array.prototype.map.call(fresh, function (m) { return m.textContent; }).join(' '));
  }

  /* ---- Full screen: hides header and menu, keeps content and console ---- */
  var button = document.getElementById('plein-ecran');
  function setFullScreen(on) {
    document.body.classList.toggle('imagin-plein-ecran', on);
    if (button) {
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
      button.textContent = on ? 'Quitter le plein écran' : 'Plein écran';
    }
    try { window.sessionStorage.setItem(FULL_SCREEN_KEY, on ? '1' : '0'); } catch (e) { /* private browsing */ }
  }
  if (button) {
    var saved = null;
    try { saved = window.sessionStorage.getItem(FULL_SCREEN_KEY); } catch (e) { /* private browsing */ }
    setFullScreen(saved === '1');
    button.addEventListener('click', function () {
      setFullScreen(!document.body.classList.contains('imagin-plein-ecran'));
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && document.body.classList.contains('imagin-plein-ecran')
          && !document.querySelector('dialog[open]')) {
        setFullScreen(false);
        button.focus();
      }
    });
  }

  /* ---- CSRF: a token serves once. A form posted without leaving the page (a PDF preview
     answered as a download) renews it in the XSRF-TOKEN cookie; every form sends the current one. ---- */
  document.addEventListener('submit', function (event) {
    var field = event.target.querySelector ? event.target.querySelector('input[name="X-XSRF-TOKEN"]') : null;
    var cookie = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    if (field && cookie) {
      field.value = decodeURIComponent(cookie[1]);
    }
  }, true);
})();
