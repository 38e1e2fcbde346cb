#!/usr/bin/env python3
"""Checks for the unseen2 eval set. Reads only /work/shared (sources + dev sets) and this folder.
Run: python3 check_unseen2.py   (no third-party packages; .docx read via zipfile)"""
import json, re, zipfile, glob, os, sys, collections
HERE = os.path.dirname(os.path.abspath(__file__))
SH = '/work/shared'
ws = lambda s: re.sub(r'\s+', '', s)

def docx_text(p):
    x = zipfile.ZipFile(p).read('word/document.xml').decode('utf-8')
    paras = re.findall(r'<w:p[ >].*?</w:p>', x, flags=re.S)
    out = []
    for para in paras:
        t = ''.join(re.findall(r'<w:t(?: [^>]*)?>([^<]*)</w:t>', para))
        out.append(t)
    import html
    return html.unescape('\n'.join(out))

docs = {}
docs['liupanshui-14th-fyp-sci-tech'] = open(f'{SH}/corpus/liupanshui-14th-fyp-sci-tech.txt', encoding='utf-8').read()
for p in glob.glob(f'{SH}/corpus-extra/*'):
    stem, ext = os.path.splitext(os.path.basename(p))
    if ext == '.txt':
        docs[stem] = open(p, encoding='utf-8').read()
    elif ext == '.docx':
        docs[stem] = docx_text(p)
W = {k: ws(v) for k, v in docs.items()}
PLAN = W['liupanshui-14th-fyp-sci-tech']

def load(n):
    return [json.loads(l) for l in open(os.path.join(HERE, n), encoding='utf-8') if l.strip()]

errors = []; warns = []
def err(m): errors.append(m)

# dev-set anchors, to report overlap
dev_anchors = set()
for p in glob.glob(f'{SH}/eval/*.jsonl'):
    for l in open(p, encoding='utf-8'):
        if l.strip():
            d = json.loads(l)
            for a in d.get('anchors', []) or []:
                dev_anchors.add(ws(a))
dev_values = {json.loads(l)['value'] for l in open(f'{SH}/eval/dev_numbers.jsonl', encoding='utf-8') if l.strip()}

# fit
fit = load('fit_unseen2.jsonl')
c = collections.Counter(r['expect'] for r in fit); cl = collections.Counter(r['lang'] for r in fit)
print('fit', len(fit), dict(c), dict(cl))
for r in fit:
    assert set(r) == {'id','text','expect','anchors','lang','note'}, r['id']
    if r['expect'] == 'no_fit':
        if r['anchors']: err(f"{r['id']} no_fit with anchors")
    else:
        if len(r['anchors']) != 1: err(f"{r['id']} needs 1 anchor")
    for a in r['anchors']:
        if ws(a) not in PLAN: err(f"{r['id']} anchor not in plan: {a}")
        if ws(a) in dev_anchors: warns.append(f"{r['id']} anchor also used in dev: {a}")
    L = len(ws(r['text'])) if r['lang'] == 'zh' else len(r['text'])
    if L >= 1500: print('  long', r['id'], L)

# numbers
nums = load('numbers_unseen2.jsonl')
print('numbers', len(nums), dict(collections.Counter(r['lang'] for r in nums)))
for r in nums:
    assert set(r) == {'id','lang','q','value','note'}, r['id']
    if not re.fullmatch(r'\d+(\.\d+)?', r['value']): err(f"{r['id']} bad value {r['value']}")
    if r['value'] not in PLAN: err(f"{r['id']} value not in plan {r['value']}")
    # the value must appear as a whole number token (not only inside a longer number)
    if not re.search(r'(?<![\d.])' + re.escape(r['value']) + r'(?![\d])', docs['liupanshui-14th-fyp-sci-tech']):
        err(f"{r['id']} value {r['value']} only occurs inside a longer number")

# multidoc
md = load('multidoc_unseen2.jsonl')
print('multidoc', len(md), dict(collections.Counter(r['lang'] for r in md)),
      'doc=null:', sum(1 for r in md if r['doc'] is None))
for r in md:
    assert set(r) == {'id','lang','q','doc','anchors','note'}, r['id']
    doc = r['doc']
    if doc is None:
        m = re.search(r'(gwr_[a-z]+_2025|plan_[a-z0-9_]+|opinion_[a-z0-9_]+|measures_[a-z0-9_]+|liupanshui-14th-fyp-sci-tech)', r['note'])
        if not m: err(f"{r['id']} doc null but note names no doc"); continue
        doc = m.group(1)
    if doc not in W: err(f"{r['id']} unknown doc {doc}"); continue
    for a in r['anchors']:
        if ws(a) not in W[doc]: err(f"{r['id']} anchor not in {doc}: {a}")
        others = [k for k in W if k != doc and ws(a) in W[k]]
        if others: warns.append(f"{r['id']} anchor also in {others}")
        if ws(a) in dev_anchors: warns.append(f"{r['id']} anchor also used in dev: {a}")

# queries
qs = load('queries_unseen2.jsonl')
print('queries', len(qs), dict(collections.Counter(r['lang'] for r in qs)))
for r in qs:
    assert set(r) == {'id','lang','q','anchors'}, r['id']
    for a in r['anchors']:
        if ws(a) not in PLAN: err(f"{r['id']} anchor not in plan: {a}")
        if ws(a) in dev_anchors: warns.append(f"{r['id']} anchor also used in dev: {a}")
    if r['lang'] == 'zh-para':
        for a in r['anchors']:
            if ws(a) in ws(r['q']): warns.append(f"{r['id']} zh-para query contains its anchor verbatim")

for w in warns: print('WARN', w)
for e in errors: print('ERROR', e)
print('OK' if not errors else f'{len(errors)} errors')
sys.exit(1 if errors else 0)
