"""Speed of flake8-azure-face-policy, measured side by side with plain flake8 in one run.

    python benchmarks/run.py [--reps 5] [--files 300] [--stdlib PATH] [--real PATH] [--plain-venv DIR] [--plugin-venv DIR] [--only 1 2 3 4 5]

The plugin is installed from this checkout as users install it (not editable) into its own virtual
environment, and plain flake8 (the same version, without this plugin) into another, both made on
first use. Runs alternate between the two and each figure is the median of --reps runs; ratios are
given in wall time and in CPU time (user and system, flake8's workers included), which a shared
machine disturbs far less. Prints:
  1. a codebase with no Azure OpenAI (the standard library's Lib folder): flake8 time ratio
  2. a generated vision-heavy corpus: flake8 time ratio, peak memory, and the command's lines/second
  3. editor latency, in a running process: the plugin's time on a realistic 1 500-line module with 5
     vision calls, and on a dense 1 500-line file of 62 vision calls against plain flake8's own time
     on that file; the extra cost of a fresh flake8 process (start-up) separately
  4. scaling: the command on 1x, 2x and 4x corpora
  5. real code (--real PATH, a folder of fetched repositories): flake8 time ratio, and how many files
     pass the text prefilter and the second (media) gate
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
import time
import venv
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate_corpus import CALLS, FILLER, HEADER, PROMPTS, WORDS, generate  # noqa: E402


class Sample(NamedTuple):
    wall: float  # seconds
    cpu: float  # seconds of user and system time, the process's workers included
    peak_kib: int


def timed(command: list[str]) -> Sample:
    """One child process: wall and CPU seconds (CPU time barely moves when the machine is shared) and
    peak RSS."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)  # includes the workers flake8 waited for
    return Sample(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def alternate(commands: dict[str, list[str]], reps: int) -> dict[str, Sample]:
    """Each command run `reps` times, in turns; the medians of wall and CPU time, the highest peak."""
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for _ in range(reps):
        for name, command in commands.items():
            samples[name].append(timed(command))
    return {
        name: Sample(statistics.median(s.wall for s in runs), statistics.median(s.cpu for s in runs), max(s.peak_kib for s in runs))
        for name, runs in samples.items()
    }


def ratios(runs: dict[str, Sample], target: str) -> str:
    plain, plugin = runs["plain"], runs["plugin"]
    return (f"plain {plain.wall:.2f} s, with plugin {plugin.wall:.2f} s, ratio {plugin.wall / plain.wall:.3f} (target {target}); "
            f"CPU plain {plain.cpu:.2f} s, with plugin {plugin.cpu:.2f} s, ratio {plugin.cpu / plain.cpu:.3f}")


def installed_plugin(folder: Path) -> Path:
    """The plugin as users get it, installed from this checkout (not editable: an editable install's
    import hook costs every fresh process time), in its own virtual environment."""
    if not (folder / "bin" / "flake8").exists():
        venv.create(folder, with_pip=True)
        subprocess.run([str(folder / "bin" / "pip"), "install", "-q", str(HERE.parent)], check=True)
    else:  # the checkout's current code; its dependencies are already there
        subprocess.run([str(folder / "bin" / "pip"), "install", "-q", "--force-reinstall", "--no-deps", str(HERE.parent)], check=True)
    return folder / "bin"


def plain_flake8(folder: Path, plugin_bin: Path) -> Path:
    flake8 = folder / "bin" / "flake8"
    if not flake8.exists():
        version = subprocess.run([str(plugin_bin / "flake8"), "--version"], capture_output=True, text=True).stdout.split()[0]
        venv.create(folder, with_pip=True)
        subprocess.run([str(folder / "bin" / "pip"), "install", "-q", f"flake8=={version}"], check=True)
    return flake8


def count_lines(folder: Path) -> int:
    return sum(path.read_text().count("\n") for path in folder.rglob("*.py"))


def editor_file() -> str:
    parts = ["import base64\nimport os\n" + "\n".join(dict.fromkeys(line for entry in CALLS for line in entry[0].splitlines()))]
    number = 0
    while True:
        _, setup, body = CALLS[number % len(CALLS)]
        addition = [setup.format(n=number) if setup else "", body.format(n=number, prompt=PROMPTS[number % len(PROMPTS)])]
        if "\n".join(parts + addition).count("\n") > 1500:
            return "\n".join(parts)
        parts += addition
        number += 1


def realistic_editor_file() -> str:
    """A 1 500-line service module as people write it (comments, docstrings, helpers) with 5 vision calls."""
    rng = random.Random(5)
    chosen = rng.sample(CALLS, k=5)
    imports = "\n".join(dict.fromkeys(line for entry in chosen for line in entry[0].splitlines()))
    parts = [HEADER.format(title="Claims", number=1, project="claims", imports=imports)]
    calls = [(setup.format(n=index) if setup else "") + "\n" + textwrap.dedent(body).format(n=index, prompt=PROMPTS[index]) for index, (_, setup, body) in enumerate(chosen)]
    counter = 0
    while "\n".join(parts + calls).count("\n") < 1480:
        word = rng.choice(WORDS)
        parts.append(f"# {word}: helpers used by the nightly {word} export (see the runbook).")
        parts.append(textwrap.dedent(rng.choice(FILLER)).format(n=counter, word=word, Word=word.title()))
        if counter % 12 == 5 and calls:
            parts.append(f"# Vision step {counter}: the reviewer checks the photo before approving.")
            parts.append(calls.pop())
        counter += 1
    return "\n".join(parts + calls) + "\n"


PLAIN_TIMER = """
import statistics, sys, time
from flake8.api import legacy
guide = legacy.get_style_guide(isolated=True, output_file='/dev/null', quiet=2)
guide.check_files([sys.argv[1]])
runs = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    guide.check_files([sys.argv[1]])
    runs.append(time.perf_counter() - start)
print(statistics.median(runs))
"""


def no_azure(args: argparse.Namespace, plain: str, plugin: str) -> None:
    print(f"1. no Azure OpenAI: {args.stdlib} (flake8 --jobs {args.jobs})")
    runs = alternate({name: [exe, "--isolated", f"--jobs={args.jobs}", str(args.stdlib)] for name, exe in (("plain", plain), ("plugin", plugin))}, args.reps)
    print(f"   {ratios(runs, '<= 1.02')}")


def vision_heavy(args: argparse.Namespace, plain: str, plugin: str, command: str, corpora: dict[int, tuple[Path, int]]) -> None:
    folder, lines = corpora[1]
    print(f"2. vision-heavy corpus: {args.files} files, {lines} lines (flake8 --jobs 1)")
    runs = alternate({name: [exe, "--isolated", "--jobs=1", str(folder)] for name, exe in (("plain", plain), ("plugin", plugin))}, args.reps)
    plain_kb, plugin_kb = runs["plain"].peak_kib, runs["plugin"].peak_kib
    print(f"   {ratios(runs, '<= 1.3')}")
    print(f"   peak memory plain {plain_kb / 1024:.1f} MiB, with plugin {plugin_kb / 1024:.1f} MiB, growth {(plugin_kb - plain_kb) / 1024:.1f} MiB (target <= 20)")
    check = alternate({"check": [command, "check", "--jobs", "1", str(folder)]}, args.reps)["check"].wall
    print(f"   azure-face-policy check --jobs 1: {check:.2f} s, {lines / check:,.0f} lines/s (target >= 5000)")


def plugin_latency(path: Path, source: str, reps: int) -> tuple[float, float, int]:
    """Median wall and CPU seconds of the plugin's analysis of one file, and its findings."""
    from flake8_azure_face_policy.engine import analyse

    tree = ast.parse(source)
    findings = analyse(source, str(path), tree=tree)  # the rule data loads once per process
    latencies, cpu = [], []
    for _ in range(reps):
        start, start_cpu = time.perf_counter(), time.process_time()
        analyse(source, str(path), tree=tree)
        latencies.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(latencies), statistics.median(cpu), len(findings)


def editor(args: argparse.Namespace, plain: str, plugin: str, scratch: Path) -> None:
    """The plugin's time on one file in a running process (flake8 hands the plugin its `ast` tree, so
    parsing is not the plugin's), plain flake8's own time on the same file in a running process, and
    what a fresh flake8 process pays on top of plain flake8 (importing the engine, loading rule data)."""
    sys.path.insert(0, str(HERE.parent))
    reps = max(args.reps, 20)
    for name, source, target in (("realistic", realistic_editor_file(), "<= 40 ms"), ("dense", editor_file(), "<= 0.6 x plain flake8")):
        path = scratch / f"editor_{name}.py"
        path.write_text(source)
        latency, latency_cpu, findings = plugin_latency(path, source, reps)
        plain_own = float(subprocess.run([str(Path(plain).parent / "python"), "-I", "-c", PLAIN_TIMER, str(path), str(reps)], capture_output=True, text=True, check=True).stdout)
        print(f"3. editor, {name}: {source.count(chr(10))} lines, {findings} findings")
        print(f"   plugin in a running process: median {latency * 1000:.0f} ms (CPU {latency_cpu * 1000:.0f} ms); plain flake8's own time on the file {plain_own * 1000:.0f} ms; "
              f"ratio {latency / plain_own:.2f} (target {target})")
        runs = alternate({kind: [exe, "--isolated", str(path)] for kind, exe in (("plain", plain), ("plugin", plugin))}, max(args.reps, 10))
        print(f"   a fresh flake8 process: plain {runs['plain'].wall * 1000:.0f} ms, with plugin {runs['plugin'].wall * 1000:.0f} ms, "
              f"plugin's share (start-up included) {(runs['plugin'].wall - runs['plain'].wall) * 1000:.0f} ms")


def real_code(args: argparse.Namespace, plain: str, plugin: str) -> None:
    from flake8_azure_face_policy.source.media_gate import can_spell_media
    from flake8_azure_face_policy.source.project_files import imports_media
    from flake8_azure_face_policy.source.prefilter import might_send_media

    files = [path for path in args.real.rglob("*.py") if path.is_file() and not path.is_symlink()]
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in files]
    prefiltered = [(path, text) for path, text in zip(files, texts) if might_send_media(text)]
    gated = [text for path, text in prefiltered if can_spell_media(text) or imports_media(text, str(path))]
    print(f"5. real code: {args.real}, {len(files)} files, {sum(text.count(chr(10)) for text in texts)} lines (flake8 --jobs {args.jobs})")
    print(f"   text prefilter passes {len(prefiltered)} files ({len(prefiltered) / len(files):.0%}), the media gate {len(gated)} ({len(gated) / len(files):.0%})")
    runs = alternate({name: [exe, "--isolated", f"--jobs={args.jobs}", str(args.real)] for name, exe in (("plain", plain), ("plugin", plugin))}, args.reps)
    print(f"   {ratios(runs, '<= 1.05')}")


def scaling(args: argparse.Namespace, command: str, corpora: dict[int, tuple[Path, int]]) -> None:
    print("4. scaling, azure-face-policy check --jobs 1:")
    for factor, (folder, lines) in corpora.items():
        seconds = alternate({"check": [command, "check", "--jobs", "1", str(folder)]}, max(1, args.reps // 2))["check"].wall
        print(f"   {factor}x: {lines:>8} lines {seconds:7.2f} s {lines / seconds:9,.0f} lines/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--stdlib", type=Path, default=Path(sysconfig.get_paths()["stdlib"]))
    parser.add_argument("--real", type=Path, help="a folder of real AI-heavy code for measurement 5")
    parser.add_argument("--plain-venv", type=Path, default=HERE / ".plain-venv")
    parser.add_argument("--plugin-venv", type=Path, default=HERE / ".plugin-venv")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", type=int, nargs="*", choices=(1, 2, 3, 4, 5), help="run only these measurements")
    args = parser.parse_args()
    only = set(args.only or ((1, 2, 3, 4, 5) if args.real else (1, 2, 3, 4)))
    plugin_bin = installed_plugin(args.plugin_venv)
    plain = str(plain_flake8(args.plain_venv, plugin_bin))
    plugin = str(plugin_bin / "flake8")
    command = str(plugin_bin / "azure-face-policy")
    if 1 in only:
        no_azure(args, plain, plugin)
    if 5 in only:
        real_code(args, plain, plugin)
    with tempfile.TemporaryDirectory() as scratch:
        corpora = {}
        for factor in (1, 2, 4) if only & {2, 4} else ():
            folder = Path(scratch) / f"x{factor}"
            generate(folder, args.files * factor, seed=factor)
            corpora[factor] = (folder, count_lines(folder))
        if 2 in only:
            vision_heavy(args, plain, plugin, command, corpora)
        if 3 in only:
            editor(args, plain, plugin, Path(scratch))
        if 4 in only:
            scaling(args, command, corpora)


if __name__ == "__main__":
    main()
