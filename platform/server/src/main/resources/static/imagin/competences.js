// "Ajouter une compétence" (COMP-4): the interactive proposals. Choosing an exam loads its
// spécialités, choosing a spécialité loads its épreuves options, from the activity's JSON
// endpoint (already filtered by the establishment's category on the server).
(function () {
  'use strict';
  var form = document.getElementById('form-ajout-competence');
  if (!form) {
    return;
  }
  var url = form.getAttribute('data-propositions');
  var examen = document.getElementById('ajout-examen');
  var specialite = document.getElementById('ajout-specialite');
  var epreuve = document.getElementById('ajout-epreuve');
  var statut = document.getElementById('ajout-statut');

  // With script, the proposals follow each choice: the no-script reload button is not needed.
  Array.prototype.forEach.call(document.querySelectorAll('[data-sans-script]'), function (button) {
    button.hidden = true;
    button.style.display = 'none';
  });

  function reset(select, text) {
    while (select.options.length > 0) {
      select.remove(0);
    }
    var first = document.createElement('option');
    first.value = '';
    first.textContent = text;
    select.appendChild(first);
    select.disabled = true;
  }

  function fill(select, items, text, what) {
    reset(select, text);
    items.forEach(function (item) {
      var option = document.createElement('option');
      option.value = item.value;
      option.textContent = item.libelle;
      select.appendChild(option);
    });
    select.disabled = items.length === 0;
    statut.textContent = items.length + ' ' + what + (items.length > 1 ? ' proposées' : ' proposée');
  }

  function load(query, key, select, text, what) {
    fetch(url + '?' + query, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (json) {
        fill(select, json[key] || [], text, what);
      })
      .catch(function () {
        statut.textContent = 'Les propositions n\'ont pas pu être chargées.';
      });
  }

  examen.addEventListener('change', function () {
    reset(epreuve, 'Choisir d\'abord une spécialité');
    if (!examen.value) {
      reset(specialite, 'Choisir d\'abord un examen');
      return;
    }
    load('examen=' + encodeURIComponent(examen.value), 'specialites', specialite, 'Choisir une spécialité', 'spécialité(s)');
  });

  specialite.addEventListener('change', function () {
    if (!specialite.value) {
      reset(epreuve, 'Choisir d\'abord une spécialité');
      return;
    }
    load('specialite=' + encodeURIComponent(specialite.value), 'epreuves', epreuve, 'Choisir une épreuve option', 'épreuve(s) option');
  });
}());
