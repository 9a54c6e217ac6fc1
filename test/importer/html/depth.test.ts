import { describe, expect, it } from 'vitest';
import { headOnly, nestsDeeperThan, visibleText } from '../../../src/importer/html/depth.ts';

describe('nestsDeeperThan', () => {
  it('counts nesting as a browser builds it', () => {
    expect(nestsDeeperThan(`${'<div>'.repeat(5)}x${'</div>'.repeat(5)}`, 4)).toBe(true);
    expect(nestsDeeperThan(`${'<div>'.repeat(5)}x${'</div>'.repeat(5)}`, 5)).toBe(false);
    // Siblings, void elements, self-closed elements and elements whose end tag may be left out add no depth.
    expect(nestsDeeperThan('<div></div>'.repeat(1000), 1)).toBe(false);
    expect(nestsDeeperThan('<br><img src=x><hr/><meta charset=utf-8><p>one<p>two<li>three'.repeat(1000), 1)).toBe(false);
    expect(nestsDeeperThan('<svg><path d="M0"/></svg>'.repeat(1000), 1)).toBe(false);
  });

  it('skips comments and the content of scripts and styles', () => {
    expect(nestsDeeperThan(`<!-- ${'<div>'.repeat(50)} --><p>x`, 10)).toBe(false);
    expect(nestsDeeperThan(`<script>if (a < b) document.write("${'<div>'.repeat(50)}")</script><p>x`, 10)).toBe(false);
  });

  it('reads a 20 MB page in one pass, whatever it holds', { timeout: 120_000 }, () => {
    const size = 20 * 1024 * 1024;
    expect(nestsDeeperThan('<span>'.repeat(size / 6), 400)).toBe(true);
    for (const unit of ['<a <', '<!--', '<script>', '<', '</div>', '<b/>'])
      expect(nestsDeeperThan(unit.repeat(size / unit.length), 400)).toBe(false);
  });
});

describe('visibleText', () => {
  it('keeps the text, ends a line at each block, and drops scripts, styles and comments', () => {
    const html =
      '<html><head><title>T</title></head><body><h1>Head</h1><div><p>One <b>two</b> &amp; three&nbsp;&#x2014;&#8212;</p><script>alert(1)</script><style>p{}</style><!-- hidden --><p>Four</p></div></body></html>';
    expect(visibleText(html)).toBe('Head\n\nOne two & three\u00a0——\n\nFour');
  });

  it('reads 20 MB of markup that would make a pattern backtrack, in linear passes', { timeout: 120_000 }, () => {
    const size = 20 * 1024 * 1024;
    for (const unit of ['<!--', '<script>', '<a ', '&aaaa', '\n \n', ' '])
      expect(typeof visibleText(`<body>${unit.repeat(size / unit.length)}`)).toBe('string');
    expect(visibleText(`<body>${'<span>'.repeat(size / 6)}Words at the bottom.`)).toBe('Words at the bottom.');
  });
});

describe('headOnly', () => {
  it('keeps the head of a page and closes it with an empty body', () => {
    expect(headOnly('<html><head><title>T</title></head><body><div><div>deep')).toBe(
      '<html><head><title>T</title></head></head><body></body></html>',
    );
  });
});
