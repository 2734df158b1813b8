/* "Missions de l'académie", a mission's page: everything works without script ("Tout
   sélectionner" is a field the server reads); with it, "Tout sélectionner" ticks the rows, a row
   unticked unticks it, and "Retirer" asks for confirmation. */
(function () {
  'use strict';
  var all = document.getElementById('convocation-tout');
  var rows = document.querySelectorAll('input[name="affectation"][form="convocation-bureau"]');
  if (all) {
    all.addEventListener('change', function () {
      rows.forEach(function (box) { box.checked = all.checked; });
    });
    rows.forEach(function (box) {
      box.addEventListener('change', function () {
        if (!box.checked) { all.checked = false; }
      });
    });
  }
  document.querySelectorAll('form[data-confirmer]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirmer'))) { event.preventDefault(); }
    });
  });
})();
