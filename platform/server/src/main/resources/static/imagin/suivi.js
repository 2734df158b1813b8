// Background work the office follows (an import, an automatic affectation): while it runs, the
// page asks its state (data-etat-url, JSON {etat, avancement, etape}) every second, moves the
// progress bar, and reloads itself once the work is over to show what the server wrote.
// Without script, a link reloads the page.
(function () {
  'use strict';
  var suivi = document.querySelector('[data-suivi]');
  if (!suivi || !window.fetch) {
    return;
  }
  var barre = suivi.querySelector('[data-suivi-barre]');
  var pourcentage = suivi.querySelector('[data-suivi-pourcentage]');
  var etape = suivi.querySelector('[data-suivi-etape]');
  var sansScript = suivi.querySelector('[data-suivi-sans-script]');
  if (sansScript) {
    sansScript.hidden = true;
  }
  var url = suivi.getAttribute('data-etat-url');

  function suivre() {
    fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (reponse) {
        if (!reponse.ok) {
          throw new Error(String(reponse.status));
        }
        return reponse.json();
      })
      .then(function (etat) {
        if (etat.etat !== 'EN_COURS') {
          window.location.reload();
          return;
        }
        barre.value = etat.avancement;
        barre.textContent = etat.avancement + ' %';
        pourcentage.textContent = String(etat.avancement);
        if (etape.textContent !== etat.etape) {
          etape.textContent = etat.etape;
        }
        window.setTimeout(suivre, 1000);
      })
      .catch(function () {
        // Session over or server unreachable: the link lets the user reload by hand.
        if (sansScript) {
          sansScript.hidden = false;
        }
      });
  }

  window.setTimeout(suivre, 500);
})();
