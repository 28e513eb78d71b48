/**
 * The viewer's script (served as /assets/viewer.js): chart interactivity — a tooltip on hover or
 * focus, legend buttons that dim an outcome, and model/domain selects that show only matching
 * charts. It reads only text and attributes the server wrote and sets text, never HTML.
 */
export const VIEWER_JS = `
(function () {
  var tip = document.createElement('div');
  tip.className = 'tooltip'; tip.hidden = true; document.body.appendChild(tip);
  function show(e) {
    var t = e.target.closest('a'); var title = t && t.querySelector('title'); if (!title) return;
    tip.textContent = title.textContent; tip.hidden = false;
    var r = t.getBoundingClientRect(); tip.style.left = Math.min(window.innerWidth - 220, r.left) + 'px'; tip.style.top = (r.top - 30) + 'px';
  }
  function hide() { tip.hidden = true; }
  document.querySelectorAll('.chart').forEach(function (chart) {
    chart.addEventListener('mouseover', show); chart.addEventListener('focusin', show);
    chart.addEventListener('mouseout', hide); chart.addEventListener('focusout', hide);
  });
  document.querySelectorAll('.legend button[data-outcome]').forEach(function (b) {
    b.addEventListener('click', function () {
      var o = b.getAttribute('data-outcome'); var on = b.getAttribute('aria-pressed') !== 'false';
      b.setAttribute('aria-pressed', on ? 'false' : 'true');
      document.querySelectorAll('.chart').forEach(function (c) { c.classList.toggle('dim-' + o, on); });
    });
  });
  var model = document.getElementById('chart-model'); var domain = document.getElementById('chart-domain');
  function filter() {
    document.querySelectorAll('.card[data-model]').forEach(function (card) {
      var ok = (!model || !model.value || card.getAttribute('data-model') === model.value) && (!domain || !domain.value || card.getAttribute('data-domain') === domain.value);
      card.hidden = !ok;
    });
  }
  if (model) model.addEventListener('change', filter);
  if (domain) domain.addEventListener('change', filter);
  document.querySelectorAll('select[data-autosubmit]').forEach(function (s) { s.addEventListener('change', function () { s.form.submit(); }); });
})();
`;
