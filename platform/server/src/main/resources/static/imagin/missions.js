/* "Consultation des missions", detail: a click anywhere on an intervenant's row opens the
   "Détails de l'affectation" dialog, as its name's button does (the DSFR opens it). Links in
   the row (the duplicate convocation) keep their own action. */
(function () {
  'use strict';
  document.querySelectorAll('tr[data-modale]').forEach(function (row) {
    row.addEventListener('click', function (event) {
      if (event.target.closest('a, button')) { return; }
      var opener = row.querySelector('button[aria-controls="' + row.getAttribute('data-modale') + '"]');
      if (opener) { opener.click(); }
    });
  });
})();
