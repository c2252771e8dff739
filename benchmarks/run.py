"""Speed of flake8-azure-face-policy, measured side by side with plain flake8 in one run.

    python benchmarks/run.py [--reps 5] [--files 300] [--stdlib PATH] [--plain-venv DIR] [--only 1 2 3 4]

Plain flake8 (the same version, without this plugin) lives in its own virtual environment, made on
first use. Runs alternate between the two and each figure is the median of --reps runs. Prints:
  1. a codebase with no Azure OpenAI (the standard library's Lib folder): flake8 time ratio
  2. a generated vision-heavy corpus: flake8 time ratio, peak memory, and the command's lines/second
  3. editor latency: plugin time on one 1 500-line file full of vision calls, in a running process
     and as the extra cost of a fresh flake8 process
  4. scaling: the command on 1x, 2x and 4x corpora
"""

from __future__ import annotations

import argparse
import ast
import compileall
import importlib.util
import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate_corpus import CALLS, PROMPTS, generate  # noqa: E402

BIN = Path(sys.executable).parent


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss


def alternate(commands: dict[str, list[str]], reps: int) -> dict[str, tuple[float, int]]:
    samples: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for _ in range(reps):
        for name, command in commands.items():
            samples[name].append(timed(command))
    return {name: (statistics.median(s for s, _ in runs), max(m for _, m in runs)) for name, runs in samples.items()}


def plain_flake8(folder: Path) -> Path:
    flake8 = folder / "bin" / "flake8"
    if not flake8.exists():
        version = subprocess.run([str(BIN / "flake8"), "--version"], capture_output=True, text=True).stdout.split()[0]
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


def no_azure(args: argparse.Namespace, plain: str, plugin: str) -> None:
    print(f"1. no Azure OpenAI: {args.stdlib} (flake8 --jobs {args.jobs})")
    runs = alternate({name: [exe, "--isolated", f"--jobs={args.jobs}", str(args.stdlib)] for name, exe in (("plain", plain), ("plugin", plugin))}, args.reps)
    print(f"   plain {runs['plain'][0]:.2f} s, with plugin {runs['plugin'][0]:.2f} s, ratio {runs['plugin'][0] / runs['plain'][0]:.3f} (target <= 1.02)")


def vision_heavy(args: argparse.Namespace, plain: str, plugin: str, command: str, corpora: dict[int, tuple[Path, int]]) -> None:
    folder, lines = corpora[1]
    print(f"2. vision-heavy corpus: {args.files} files, {lines} lines (flake8 --jobs 1)")
    runs = alternate({name: [exe, "--isolated", "--jobs=1", str(folder)] for name, exe in (("plain", plain), ("plugin", plugin))}, args.reps)
    (plain_s, plain_kb), (plugin_s, plugin_kb) = runs["plain"], runs["plugin"]
    print(f"   plain {plain_s:.2f} s, with plugin {plugin_s:.2f} s, ratio {plugin_s / plain_s:.3f} (target <= 1.3)")
    print(f"   peak memory plain {plain_kb / 1024:.1f} MiB, with plugin {plugin_kb / 1024:.1f} MiB, growth {(plugin_kb - plain_kb) / 1024:.1f} MiB (target <= 20)")
    check = alternate({"check": [command, "check", "--jobs", "1", str(folder)]}, args.reps)["check"][0]
    print(f"   azure-face-policy check --jobs 1: {check:.2f} s, {lines / check:,.0f} lines/s (target >= 5000)")


def editor(args: argparse.Namespace, plain: str, plugin: str, scratch: Path) -> None:
    """The plugin's time on one dense file: in a running process (flake8 hands the plugin its `ast`
    tree, so parsing is not the plugin's), and what a fresh flake8 process pays on top of plain flake8
    (importing the engine and loading the rule data as well)."""
    source = editor_file()
    path = scratch / "editor.py"
    path.write_text(source)
    sys.path.insert(0, str(HERE.parent))
    from flake8_azure_face_policy.engine import analyse

    tree = ast.parse(source)
    findings = analyse(source, str(path), tree=tree)  # the rule data loads once per process
    latencies = []
    for _ in range(max(args.reps, 20)):
        start = time.perf_counter()
        analyse(source, str(path), tree=tree)
        latencies.append(time.perf_counter() - start)
    print(f"3. editor: one {source.count(chr(10))}-line file with {len(findings)} findings")
    print(f"   analysis in a running process: median {statistics.median(latencies) * 1000:.0f} ms, fastest {min(latencies) * 1000:.0f} ms (target <= 100)")
    runs = alternate({name: [exe, "--isolated", str(path)] for name, exe in (("plain", plain), ("plugin", plugin))}, max(args.reps, 10))
    print(f"   a fresh flake8 process: plain {runs['plain'][0] * 1000:.0f} ms, with plugin {runs['plugin'][0] * 1000:.0f} ms, "
          f"plugin's share {(runs['plugin'][0] - runs['plain'][0]) * 1000:.0f} ms")


def scaling(args: argparse.Namespace, command: str, corpora: dict[int, tuple[Path, int]]) -> None:
    print("4. scaling, azure-face-policy check --jobs 1:")
    for factor, (folder, lines) in corpora.items():
        seconds = alternate({"check": [command, "check", "--jobs", "1", str(folder)]}, max(1, args.reps // 2))["check"][0]
        print(f"   {factor}x: {lines:>8} lines {seconds:7.2f} s {lines / seconds:9,.0f} lines/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--stdlib", type=Path, default=Path(sysconfig.get_paths()["stdlib"]))
    parser.add_argument("--plain-venv", type=Path, default=HERE / ".plain-venv")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", type=int, nargs="*", choices=(1, 2, 3, 4), help="run only these measurements")
    args = parser.parse_args()
    only = set(args.only or (1, 2, 3, 4))
    # Byte-compile the plugin as pip does when it installs a wheel: an editable checkout (with
    # PYTHONDONTWRITEBYTECODE set) would otherwise be compiled again by every flake8 process.
    package = importlib.util.find_spec("flake8_azure_face_policy")
    for folder in package.submodule_search_locations if package else ():
        compileall.compile_dir(folder, quiet=1)
    plain = str(plain_flake8(args.plain_venv))
    plugin = str(BIN / "flake8")
    command = str(BIN / "azure-face-policy")
    if 1 in only:
        no_azure(args, plain, plugin)
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
