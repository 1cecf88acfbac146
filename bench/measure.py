"""Run one command and print its wall time, CPU time (user and system, of the command and the
processes it waited for) and peak memory (the largest max RSS among them) as JSON.

A separate process per measurement, because RUSAGE_CHILDREN keeps the largest child so far."""
import json
import resource
import subprocess
import sys
import time

start = time.perf_counter()
run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "user": usage.ru_utime, "system": usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
                  "status": run.returncode, "stderr": run.stderr[-2000:]}))
