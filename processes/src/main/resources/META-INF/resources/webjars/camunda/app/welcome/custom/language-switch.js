// Tetsuzuki: a small language link (日本語 / English) fixed at the bottom right of every webapp page.
// The choice is kept in this browser (localStorage 'tetsuzuki.locale') and read by scripts/config.js.
const KEY = 'tetsuzuki.locale';
const current = (() => {
  try {
    return window.localStorage.getItem(KEY) === 'en' ? 'en' : 'ja';
  } catch (e) {
    return 'ja';
  }
})();

function addSwitch() {
  if (document.getElementById('tetsuzuki-language-switch')) {
    return;
  }
  const link = document.createElement('a');
  link.id = 'tetsuzuki-language-switch';
  link.href = '#';
  link.lang = current === 'ja' ? 'en' : 'ja';
  link.textContent = current === 'ja' ? 'English' : '日本語';
  link.title = current === 'ja' ? 'Switch to English' : '日本語に切り替える';
  link.setAttribute('style', 'position:fixed;right:12px;bottom:30px;z-index:2000;font-size:12px;'
      + 'background:#fff;border:1px solid #ccc;border-radius:3px;padding:2px 8px;');
  link.addEventListener('click', (event) => {
    event.preventDefault();
    try {
      window.localStorage.setItem(KEY, current === 'ja' ? 'en' : 'ja');
    } catch (e) {
      // storage blocked: nothing to remember
    }
    window.location.reload();
  });
  document.body.appendChild(link);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', addSwitch);
} else {
  addSwitch();
}
document.documentElement.lang = current;
