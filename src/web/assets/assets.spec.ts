import { Script } from 'node:vm';
import { BOARD_JS } from './board-js';
import { CHECK_IN_JS } from './check-in-js';
import { SCREEN_JS } from './screen-js';
import { SITE_CSS } from './site-css';

describe('page assets', () => {
  it('serves a board script that parses and never writes HTML from data', () => {
    expect(() => new Script(BOARD_JS)).not.toThrow();
    expect(BOARD_JS).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it.each([
    ['hall screen', SCREEN_JS],
    ['QR check-in', CHECK_IN_JS],
  ])('serves a %s script that parses and never writes HTML from data', (_name, script) => {
    expect(() => new Script(script)).not.toThrow();
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('has a stylesheet with a visible focus style and no fixed page width', () => {
    expect(SITE_CSS).toContain(':focus-visible');
    expect(SITE_CSS).not.toMatch(/\bwidth:\s*\d{3,}px/);
  });
});
