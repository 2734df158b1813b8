/* "Convocation par mission" (templates/convocations/): the mission's detail and the convocation
   form. Everything works without script (the searches reload the form, every permitted date is
   offered); with it the searches suggest while the user types (CONV-3), the dates follow the
   chosen commission (CONV-6), and the zip and mail buttons take only the rows the keyword filter
   left on screen (CONV-12, CONV-13). */
'use strict';
(function () {
  var SEARCH_DELAY_MS = 250;

  function debounce(fn) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, SEARCH_DELAY_MS);
    };
  }

  var latest = {};
  /** Only the answer to the latest request of a search counts: a slower earlier one is dropped. */
  function fetchPersons(url, param, value, done) {
    var ticket = (latest[param] || 0) + 1;
    latest[param] = ticket;
    fetch(url + '?' + param + '=' + encodeURIComponent(value), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .catch(function () { return []; })
      .then(function (persons) { if (latest[param] === ticket) { done(persons); } });
  }

  // ---- The form ----
  var identified = document.getElementById('identifies');
  var noneIdentified = document.getElementById('identifies-aucun');
  var notFound = document.getElementById('recherche-aucun');

  function addPerson(person, checked, byDiscipline) {
    var existing = document.getElementById('personnel-' + person.id);
    if (existing) {
      if (checked) { existing.checked = true; }
      if (!byDiscipline) { existing.removeAttribute('data-discipline'); }
      return;
    }
    var group = document.createElement('div');
    group.className = 'fr-checkbox-group fr-checkbox-group--sm';
    var input = document.createElement('input');
    input.type = 'checkbox';
    input.name = 'personnel';
    input.value = person.id;
    input.id = 'personnel-' + person.id;
    input.checked = checked;
    var label = document.createElement('label');
    label.className = 'fr-label';
    label.htmlFor = input.id;
    label.appendChild(document.createTextNode(person.nom + ' ' + person.prenom + ' '));
    var hint = document.createElement('span');
    hint.className = 'fr-hint-text';
    hint.textContent = person.etablissement + ' — ' + person.discipline;
    label.appendChild(hint);
    if (byDiscipline) { input.setAttribute('data-discipline', ''); }
    group.appendChild(input);
    group.appendChild(label);
    identified.appendChild(group);
    if (noneIdentified) { noneIdentified.hidden = true; }
  }

  var search = document.getElementById('recherche-intervenants');
  if (search && identified) {
    var url = search.getAttribute('data-suggestions');
    var nameInput = document.getElementById('recherche-nom');
    var suggestions = document.getElementById('suggestions-nom');
    var disciplineInput = document.getElementById('recherche-discipline');

    nameInput.addEventListener('input', debounce(function () {
      var value = nameInput.value.trim();
      suggestions.textContent = '';
      if (value.length < 2) { notFound.hidden = true; return; }
      fetchPersons(url, 'nom', value, function (persons) {
        suggestions.textContent = '';
        notFound.hidden = persons.length > 0;
        persons.forEach(function (person) {
          var item = document.createElement('li');
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm';
          button.textContent = person.nom + ' ' + person.prenom + ' — ' + person.etablissement;
          button.addEventListener('click', function () {
            addPerson(person, true);
            suggestions.textContent = '';
            nameInput.value = '';
            document.getElementById('personnel-' + person.id).focus();
          });
          item.appendChild(button);
          suggestions.appendChild(item);
        });
      });
    }));

    disciplineInput.addEventListener('input', debounce(function () {
      var value = disciplineInput.value.trim();
      if (value.length < 2) { notFound.hidden = true; return; }
      fetchPersons(url, 'discipline', value, function (persons) {
        notFound.hidden = persons.length > 0;
        // The teachers of an earlier, wider discipline typed ("MA" before "MAT") leave the list.
        var kept = {};
        persons.forEach(function (person) { kept[person.id] = true; });
        identified.querySelectorAll('input[data-discipline]').forEach(function (box) {
          if (!kept[box.value]) { box.parentNode.remove(); }
        });
        // Guide §4.2.3: every teacher identified for the discipline is checked.
        persons.forEach(function (person) { addPerson(person, true, true); });
      });
    }));

    // With script the searches never reload the page (what was ticked stays).
    search.addEventListener('submit', function (event) {
      event.preventDefault();
      nameInput.dispatchEvent(new Event('input'));
      disciplineInput.dispatchEvent(new Event('input'));
    });
  }

  var all = document.getElementById('tout-selectionner');
  if (all && identified) {
    all.addEventListener('change', function () {
      identified.querySelectorAll('input[name="personnel"]').forEach(function (box) { box.checked = all.checked; });
    });
  }

  // CONV-5 / CONV-6: the chosen commission's candidates and dates.
  var commission = document.getElementById('commission');
  var dates = document.getElementById('dates-affectation');
  function syncDates() {
    if (!dates) { return; }
    var chosen = commission ? commission.value : null;
    var waiting = document.getElementById('dates-commission');
    if (waiting) { waiting.hidden = !!chosen; }
    Array.prototype.forEach.call(dates.tBodies[0].rows, function (row) {
      var box = row.querySelector('input[name="jour"]');
      var allowed = !commission || (chosen && (' ' + row.getAttribute('data-commissions') + ' ').indexOf(' ' + chosen + ' ') >= 0);
      box.disabled = !allowed;
      if (!allowed) { box.checked = false; }
      row.querySelectorAll('input.imagin-heure').forEach(function (time) {
        time.disabled = !allowed || !box.checked;
        time.required = allowed && box.checked;
        if (box.checked && !time.value) { time.value = time.id.indexOf('debut-') === 0 ? '08:00' : '18:00'; }
      });
    });
  }
  if (commission) {
    var candidates = document.getElementById('commission-candidats');
    commission.addEventListener('change', function () {
      var option = commission.options[commission.selectedIndex];
      candidates.textContent = option && option.value
        ? 'Nombre de candidats de la commission : ' + option.getAttribute('data-candidats') : '';
      syncDates();
    });
  }
  if (dates) {
    dates.addEventListener('change', function (event) {
      if (event.target.name === 'jour') { syncDates(); }
    });
    syncDates();
  }

  // ---- The detail: zip and mails take the centre's rows still shown ----
  function shownCentreRows() {
    var ids = [];
    document.querySelectorAll('tr[data-convocation-centre]').forEach(function (row) {
      if (!row.hidden) { ids.push(row.getAttribute('data-convocation-centre')); }
    });
    return ids;
  }
  var nothingShown = document.getElementById('convocations-zip-vide');
  var zip = document.getElementById('convocations-zip');
  if (zip) {
    zip.addEventListener('click', function (event) {
      var ids = shownCentreRows();
      nothingShown.hidden = ids.length > 0;
      if (!ids.length) { event.preventDefault(); return; }
      var base = zip.getAttribute('data-base');
      zip.href = ids.length === document.querySelectorAll('tr[data-convocation-centre]').length
        ? base : base + '?affectations=' + (ids.length ? ids.join(',') : '0');
    });
  }
  var mails = document.getElementById('convocations-mel');
  if (mails) {
    mails.addEventListener('submit', function (event) {
      var ids = shownCentreRows();
      nothingShown.hidden = ids.length > 0;
      if (!ids.length) { event.preventDefault(); return; }
      var all = document.querySelectorAll('tr[data-convocation-centre]').length;
      mails.querySelector('[data-selection]').value = ids.length === all ? '' : (ids.length ? ids.join(',') : '0');
    });
  }
  document.querySelectorAll('form[data-confirmer]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirmer'))) { event.preventDefault(); }
    });
  });
})();
