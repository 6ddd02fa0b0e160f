import { escapeHtml, html, httpUrl, trusted } from './html';

describe('html', () => {
  it('escapes interpolated text, including quotes for attribute values', () => {
    const name = `<script>alert("x")</script> & 'Điểm cầu'`;
    expect(html`<p title="${name}">${name}</p>`.toString()).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Điểm cầu&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Điểm cầu&#39;</p>',
    );
  });

  it('inserts nested templates and arrays as markup, and renders nothing for null, undefined and booleans', () => {
    const items = ['Hà Nội', 'Bắc <Ninh>'].map((n) => html`<li>${n}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${true}${0}`.toString()).toBe('<ul><li>Hà Nội</li><li>Bắc &lt;Ninh&gt;</li></ul>0');
  });

  it('keeps trusted markup as it is and escapes plain strings', () => {
    expect(html`${trusted('<svg></svg>')}${'<svg>'}`.toString()).toBe('<svg></svg>&lt;svg&gt;');
    expect(escapeHtml('a"b')).toBe('a&quot;b');
  });

  it('accepts only http and https URLs as links', () => {
    expect(httpUrl('https://hop.example.vn/dan-van')).toBe('https://hop.example.vn/dan-van');
    expect(httpUrl('javascript:alert(1)')).toBeNull();
    expect(httpUrl('phòng họp số 3')).toBeNull();
    expect(httpUrl(null)).toBeNull();
  });
});
