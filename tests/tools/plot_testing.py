"""What the plot tools' tests share: a small scenario to run, running wfsim on it, and reading
the PNG and SVG files the tools write (matplotlib's SVG names each axes group "axes_<n>")."""

import os
import re
import struct
import subprocess
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def small_scenario(name, seed):
    """60 social worker posts over 2 years, monthly, 12 replications: quick to run."""
    return SMALL_SCENARIO.replace("NAME", name).replace("SEED", str(seed))


SMALL_SCENARIO = """name: NAME
start: 2016-04-01
horizon: 2 years
output_interval: 1 month
seed: SEED
replications: 12
roles:
  social_worker: { caseload_cap: 20 }
establishment:
  social_worker: 60
initial_staff:
  permanent: { social_worker: 50 }
  agency:    { social_worker: 5 }
turnover:
  social_worker: { annual_rate: 0.15 }
recruitment:
  vacancy_fill_time: { dist: lognormal, median: 3 months, sigma: 0.6 }
agency:
  cover_vacancies: true
  fill_time:  { dist: exponential, mean: 2 weeks }
  assignment: { dist: exponential, mean: 6 months }
demand:
  referrals_per_year: 2000
  initial_open_cases: 0
  case_duration: { dist: exponential, mean: 6 months }
allocation:
  policy: least_loaded
"""


def run_wfsim(binary, folder, command, name, text):
    """Writes `text` to folder/name.yaml, runs `wfsim command` on it into folder/name.h5 and
    returns that path; a failure is a test failure with wfsim's message."""
    scenario = os.path.join(folder, name + ".yaml")
    with open(scenario, "w", encoding="utf-8") as f:
        f.write(text)
    out = os.path.join(folder, name + ".h5")
    done = subprocess.run([binary, command, scenario, "-q", "-o", out], capture_output=True,
                          text=True)
    if done.returncode != 0:
        raise AssertionError(f"wfsim {command} failed: {done.stderr}")
    return out


def png_size(path):
    """(width, height) from a PNG's IHDR, after checking the signature."""
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != PNG_SIGNATURE or head[12:16] != b"IHDR":
        raise AssertionError(f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


def svg_groups(path):
    """{id: element} of every group in the SVG (which must parse as XML)."""
    root = ET.parse(path).getroot()
    if root.tag != SVG + "svg":
        raise AssertionError(f"{path}: root element {root.tag}")
    return {g.get("id"): g for g in root.iter(SVG + "g") if g.get("id")}


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def axes_count(groups):
    return sum(1 for gid in groups if re.fullmatch(r"axes_\d+", gid))


def drawn(group, tag="path"):
    return len(list(group.iter(SVG + tag)))
