"""Sums a speedscope file written by `dotnet-trace collect --format Speedscope` (evented, one profile per thread):
the managed thread time of each frame, exclusive (the frame below the CPU_TIME marker) and inclusive, over the
samples whose stack holds a frame matching FILTER (a regular expression; the engine pass: 'BatchChunk|DutyBatch').

    python3 bench/profile/speedscope_frames.py trace.speedscope.json 'BatchChunk|DutyBatch' 30

dotnet-trace's sample profiler marks a thread in managed code as CPU_TIME whether or not the OS is running it, so
on a loaded machine these are shares of thread time, not of CPU; perf_frames.py gives CPU samples.
"""
import collections
import json
import re
import sys

path = sys.argv[1]
pattern = re.compile(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] else None
top = int(sys.argv[3]) if len(sys.argv) > 3 else 30
data = json.load(open(path))
names = [frame['name'] for frame in data['shared']['frames']]
exclusive, inclusive, total = collections.Counter(), collections.Counter(), 0.0
for profile in data['profiles']:
    stack, last = [], None
    for event in profile['events']:
        at = event['at']
        if stack and last is not None and names[stack[-1]] == 'CPU_TIME':
            if pattern is None or any(pattern.search(names[f]) for f in stack):
                spent = at - last
                total += spent
                exclusive[names[stack[-2]] if len(stack) > 1 else 'CPU_TIME'] += spent
                for name in {names[f] for f in stack}:
                    inclusive[name] += spent
        last = at
        if event['type'] == 'O':
            stack.append(event['frame'])
        else:
            while stack and stack[-1] != event['frame']:
                stack.pop()
            if stack:
                stack.pop()

print(f'{total / 1000:.2f} s of managed thread time in stacks matching {pattern.pattern if pattern else "anything"!r}')
for title, counter in (('exclusive', exclusive), ('inclusive', inclusive)):
    print(f'--- {title}')
    for name, spent in counter.most_common(top):
        print(f'{spent / 1000:8.2f} s {100 * spent / total:5.1f}%  {name[:140]}')
