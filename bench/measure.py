"""Run one command and print its wall time and peak memory (the child's max RSS) as JSON.

A separate process per measurement, because RUSAGE_CHILDREN keeps the largest child so far."""
import json
import resource
import subprocess
import sys
import time

start = time.perf_counter()
run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "peak_mb": peak_kb / 1024, "status": run.returncode,
                  "stderr": run.stderr[-2000:]}))
