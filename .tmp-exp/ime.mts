import { launchBrowser } from '../tests/support/browser.ts';
const browser = await launchBrowser();
const page = await browser.newPage();
await page.setContent(`<div id="cell" tabindex="-1" style="width:100px;height:30px;border:1px solid">cell</div><input id="inp">`);
await page.evaluate(() => {
  (window as any).log = [];
  for (const type of ['keydown','compositionstart','compositionupdate','compositionend','beforeinput','input','focusin']) {
    document.addEventListener(type, (e: any) => (window as any).log.push(`${type}:${e.target.id}:${e.key ?? ''}:${e.data ?? ''}`), true);
  }
  document.getElementById('cell')!.addEventListener('keydown', (e) => { if (e.key === 'Process' || e.keyCode === 229) document.getElementById('inp')!.focus(); });
});
await page.focus('#cell');
const cdp = await page.context().newCDPSession(page);
await cdp.send('Input.imeSetComposition', { text: 'n', selectionStart: 1, selectionEnd: 1 });
await cdp.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
await cdp.send('Input.insertText', { text: '你' });
console.log(await page.evaluate(() => (window as any).log), await page.inputValue('#inp'));
await browser.close();
