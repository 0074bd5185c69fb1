"""Sums `perf script -F comm,tid,time,ip,sym` output of a run under `perf record -g` (with DOTNET_PerfMapEnabled=1
and DOTNET_EnableWriteXorExecute=0, so perf can name JIT-compiled frames): over the window in which the engine pass
ran (first to last sample with a frame matching FILTER), the CPU samples per thread name, and, over the engine's own
stacks, the top exclusive and inclusive frames.

    perf script -i perf.data -F comm,tid,time,ip,sym | python3 bench/profile/perf_frames.py 'BatchChunk|DutyBatch' 30
"""
import collections
import re
import sys

pattern = re.compile(sys.argv[1] if len(sys.argv) > 1 else r'BatchChunk|DutyBatch')
top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
samples, current = [], None
for line in sys.stdin:
    if not line.strip():
        if current:
            samples.append(current)
        current = None
    elif not line.startswith((' ', '\t')):
        header = re.match(r'^(.*?)\s+(\d+)\s+(?:\[\d+\]\s+)?([\d.]+):', line)
        current = {'thread': header.group(1).strip(), 'at': float(header.group(3)), 'frames': []} if header else None
    elif current is not None:
        parts = line.strip().split(' ', 1)
        current['frames'].append(re.sub(r'\s*\(.*\)$', '', parts[-1]))
if current:
    samples.append(current)


def short(symbol):
    symbol = re.sub(r'\[(Optimized\w*|QuickJitted|InstrumentedTier\w*|PreJIT)\]', '', symbol)
    method = re.search(r'(\S+)::([^\s(]+)\(', symbol)
    if not method:
        return symbol[:100]
    owner = re.sub(r'\[[^\[\]]*\]', '', method.group(1).split(']')[-1] if method.group(1).startswith('[') else method.group(1))
    return (owner + '::' + method.group(2)).replace('TradeAccord.', '')


engine = [s for s in samples if any(pattern.search(f) for f in s['frames'])]
start, end = min(s['at'] for s in engine), max(s['at'] for s in engine)
window = [s for s in samples if start <= s['at'] <= end]
print(f'engine pass {end - start:.2f} s; CPU samples in it {len(window)}, in the engine\'s stacks {len(engine)}')
for thread, count in collections.Counter(s['thread'] for s in window).most_common(6):
    print(f'  {thread!r}: {100 * count / len(window):.1f}%')
exclusive, inclusive = collections.Counter(), collections.Counter()
for sample in engine:
    names = [short(f) for f in sample['frames']]
    exclusive[names[0]] += 1
    for name in set(names):
        inclusive[name] += 1
for title, counter in (('exclusive', exclusive), ('inclusive', inclusive)):
    print(f'--- {title} (engine stacks)')
    for name, count in counter.most_common(top):
        print(f'{100 * count / len(engine):5.1f}%  {name}')
