// Indemnités des chefs de centre (guide §4.5): the "Montant global calculé", each line's amount
// and the "réparti" / "restant" totals follow the input live, from the daily rates the server
// wrote on the inputs (data-taux); the server recomputes every amount at "Enregistrer". Also the
// "Ajouter un intervenant" panel with its live search, and the confirmations of "Supprimer" and
// "Transmettre". Without script the form still posts, and the server's figures show after saving.
(function () {
  'use strict';

  document.querySelectorAll('form[data-confirmation]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirmation'))) {
        event.preventDefault();
      }
    });
  });

  var form = document.querySelector('form[data-icc-saisie]');
  if (!form) {
    return;
  }

  // Exact arithmetic in integers: days in tenths, rates and amounts in cents, percentages in tenths.
  function parse(text, decimals) {
    var compact = String(text || '').replace(/[\s\u00A0\u202F€]/g, '').replace(',', '.');
    if (compact === '') {
      return 0;
    }
    var pattern = decimals === 1 ? /^\d+(\.\d)?$/ : /^\d+(\.\d{1,2})?$/;
    if (!pattern.test(compact)) {
      return null;
    }
    var parts = compact.split('.');
    var fraction = (parts[1] || '').padEnd(decimals, '0');
    return parseInt(parts[0], 10) * Math.pow(10, decimals) + parseInt(fraction || '0', 10);
  }

  function euros(cents) {
    var sign = cents < 0 ? '-' : '';
    var abs = Math.abs(cents);
    return sign + Math.floor(abs / 100) + ',' + String(abs % 100).padStart(2, '0') + '\u00A0€';
  }

  function plain(cents) {
    return Math.floor(cents / 100) + ',' + String(cents % 100).padStart(2, '0');
  }

  var lignes = document.getElementById('icc-lignes');
  var aucun = document.getElementById('icc-aucun');

  function globalCents() {
    var thousandths = 0;
    form.querySelectorAll('input[data-taux]').forEach(function (input) {
      var days = parse(input.value, 1);
      var rate = parse(input.getAttribute('data-taux'), 2);
      if (days !== null && rate !== null) {
        thousandths += days * rate; // tenths of a day × cents = thousandths of a euro
      }
    });
    return Math.floor((thousandths + 5) / 10); // half-up to the cent, as IccService
  }

  function recompute() {
    var total = globalCents();
    document.getElementById('montant-global').textContent = euros(total);
    var reparti = 0;
    lignes.querySelectorAll('tr[data-ligne]').forEach(function (row) {
      var pct = row.querySelector('[data-champ=pourcentage]');
      var montant = row.querySelector('[data-champ=montant]');
      var tenths = parse(pct.value, 1);
      if (pct.value.trim() !== '' && tenths !== null) {
        var cents = Math.floor((total * tenths + 500) / 1000); // IccService.part: half-up to the cent
        montant.value = plain(cents);
        montant.readOnly = true;
        reparti += cents;
      } else {
        montant.readOnly = false;
        var typed = parse(montant.value, 2);
        reparti += typed === null ? 0 : typed;
      }
    });
    document.getElementById('total-reparti').textContent = euros(reparti);
    document.getElementById('total-restant').textContent = euros(total - reparti);
    aucun.hidden = lignes.querySelector('tr[data-ligne]') !== null;
  }

  form.addEventListener('input', recompute);
  lignes.addEventListener('click', function (event) {
    var button = event.target.closest('[data-champ=retirer]');
    if (button) {
      event.preventDefault();
      button.closest('tr').remove();
      recompute();
    }
  });

  // ---- "Ajouter un intervenant" ----
  var ouvrir = document.getElementById('ajout-ouvrir');
  var panneau = document.getElementById('ajout-panneau');
  var nom = document.getElementById('ajout-nom');
  var suggestions = document.getElementById('ajout-suggestions');
  var choisi = document.getElementById('ajout-choisi');
  var valeur = document.getElementById('ajout-valeur');
  var erreur = document.getElementById('ajout-erreur');
  var modele = document.getElementById('icc-ligne-modele');
  var selection = null;
  var pending = null;
  ouvrir.hidden = false;
  ouvrir.addEventListener('click', function () {
    panneau.hidden = !panneau.hidden;
    ouvrir.setAttribute('aria-expanded', String(!panneau.hidden));
    if (!panneau.hidden) {
      nom.focus();
    }
  });

  function montrerErreur(text) {
    erreur.textContent = text;
    erreur.hidden = !text;
  }

  function choisir(person) {
    selection = person;
    nom.value = person.nom;
    choisi.textContent = 'Intervenant choisi : ' + person.nom + (person.discipline ? ' (' + person.discipline + ')' : '');
    suggestions.replaceChildren();
    valeur.focus();
  }

  nom.addEventListener('input', function () {
    selection = null;
    choisi.textContent = '';
    window.clearTimeout(pending);
    var typed = nom.value.trim();
    if (typed.length < 2) {
      suggestions.replaceChildren();
      return;
    }
    pending = window.setTimeout(function () {
      fetch(panneau.getAttribute('data-recherche') + '?nom=' + encodeURIComponent(typed), {credentials: 'same-origin'})
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (people) {
          if (nom.value.trim() !== typed) {
            return; // an older answer
          }
          suggestions.replaceChildren();
          people.forEach(function (person) {
            var item = document.createElement('li');
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'fr-btn fr-btn--tertiary fr-btn--sm';
            button.textContent = person.nom + (person.etablissement ? ' - ' + person.etablissement : '');
            button.addEventListener('click', function () { choisir(person); });
            item.appendChild(button);
            suggestions.appendChild(item);
          });
          if (people.length === 0) {
            var none = document.createElement('li');
            none.textContent = 'Aucune personne ne correspond à la saisie.';
            suggestions.appendChild(none);
          }
        });
    }, 200);
  });

  document.getElementById('ajout-ajouter').addEventListener('click', function () {
    if (!selection) {
      montrerErreur('Choisissez un intervenant dans la liste de suggestions.');
      nom.focus();
      return;
    }
    if (lignes.querySelector('tr[data-ligne="' + selection.id + '"]')) {
      montrerErreur(selection.nom + ' figure déjà dans la liste des intervenants.');
      return;
    }
    var parPourcentage = document.getElementById('ajout-mode-pourcentage').checked;
    var parsed = parse(valeur.value, parPourcentage ? 1 : 2);
    if (parsed === null || parsed <= 0 || (parPourcentage && parsed > 1000)) {
      montrerErreur(parPourcentage ? 'Répartition invalide (format x,x <= 100).' : 'Montant invalide (format x,xx > 0).');
      valeur.focus();
      return;
    }
    montrerErreur('');
    var row = modele.content.firstElementChild.cloneNode(true);
    var id = String(selection.id);
    row.setAttribute('data-ligne', id);
    function champ(name) { return row.querySelector('[data-champ="' + name + '"]'); }
    champ('nom-texte').textContent = selection.nom;
    champ('personnel').value = id;
    champ('nom').name = 'nom-' + id;
    champ('nom').value = selection.nom;
    champ('discipline').name = 'discipline-' + id;
    champ('discipline').value = selection.discipline || '';
    champ('discipline-texte').textContent = selection.discipline || '';
    ['pourcentage', 'montant'].forEach(function (name) {
      champ(name).id = name + '-' + id;
      champ(name).name = name + '-' + id;
      champ(name + '-label').htmlFor = name + '-' + id;
      champ(name + '-label').textContent = (name === 'pourcentage' ? 'Répartition (%) de ' : 'Montant (€) de ') + selection.nom;
    });
    champ(parPourcentage ? 'pourcentage' : 'montant').value = valeur.value.trim();
    champ('retirer').value = id;
    champ('retirer').title = 'Retirer ' + selection.nom;
    champ('retirer').textContent = 'Retirer ' + selection.nom;
    lignes.appendChild(row);
    selection = null;
    nom.value = '';
    valeur.value = '';
    choisi.textContent = '';
    recompute();
  });

  recompute();
})();
