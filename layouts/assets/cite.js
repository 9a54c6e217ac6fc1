// Fills in the reader's access date in the "Cite this" block. Without
// scripts the placeholder stays, so every build is byte-for-byte the same.
(function () {
  var months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  var now = new Date();
  var pad = function (n) { return (n < 10 ? '0' : '') + n; };
  var iso = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
  var apa = months[now.getMonth()] + ' ' + now.getDate() + ', ' + now.getFullYear();
  var spans = document.querySelectorAll('[data-access-date]');
  for (var i = 0; i < spans.length; i++) {
    spans[i].textContent = spans[i].getAttribute('data-access-date') === 'iso' ? iso : apa;
  }
})();
