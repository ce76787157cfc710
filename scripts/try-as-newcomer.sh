#!/usr/bin/env bash
# Does what a newcomer does, outside this repository: pack Pnen into a local folder, install the
# template from it, `dotnet new pnen-study -n MyStudy`, `dotnet run` (a report appears), `dotnet test`
# (the shipped snapshot passes), the `pnen` tool, then a typo in the plan must fail the build with CS1061.
#
# The study lives in a temporary folder with a NuGet.config of its own: Pnen.* packages come only from
# the local folder (package source mapping), everything else from the sources this machine already
# uses; there is no project reference into the repository. NuGet's package cache, the template and
# tool installs and the .NET CLI's home are temporary too, so a stale cached Pnen of the same version
# never wins, and nothing is left behind.
#
# usage: scripts/try-as-newcomer.sh [--keep]     (--keep leaves the temporary folder for inspection)
# Exits 0 when every step passed; prints each step's time and the total.
set -euo pipefail

keep=false
for arg in "$@"; do
  case "$arg" in
    --keep) keep=true ;;
    *) echo "usage: $0 [--keep]" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/pnen-newcomer.XXXXXX")
cleanup() {
  if $keep; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

start=$SECONDS
step_start=$SECONDS
step() {
  echo
  echo "== $* (at $((SECONDS - start)) s)"
  step_start=$SECONDS
}
done_step() { echo "   ok, $((SECONDS - step_start)) s"; }
fail() {
  echo "try-as-newcomer: FAILED: $*" >&2
  exit 1
}

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# 1. Pack every package of the repository into a local folder (the repository's own build, as a
#    maintainer makes a release; the newcomer's steps below never see the repository).
feed="$work/packages"
step "dotnet pack into $feed"
dotnet pack "$repo/Pnen.sln" -c Release -o "$feed" > "$work/pack.log" 2>&1 || { tail -50 "$work/pack.log"; fail "dotnet pack"; }
dsl=$(ls "$feed"/Pnen.Dsl.*.nupkg 2>/dev/null | head -1)
[ -n "$dsl" ] || fail "no Pnen.Dsl package in $feed"
version=$(basename "$dsl" .nupkg)
version=${version#Pnen.Dsl.}
for id in Pnen.Dsl Pnen.Data Pnen.Stats Pnen.Testing Pnen.Report.Png Pnen.Cli Pnen.Templates; do
  package="$feed/$id.$version.nupkg"
  [ -f "$package" ] || fail "missing package $id $version"
  # (captured first: `unzip | grep -q` fails under pipefail when grep stops reading early)
  files=$(unzip -Z1 "$package")
  nuspec=$(unzip -p "$package" "$id.nuspec")
  grep -qx 'README.md' <<< "$files" || fail "$id has no README.md"
  grep -q '<license type="expression">MIT</license>' <<< "$nuspec" || fail "$id has no MIT licence expression"
  grep -q '<repository type="git" url="[^"]' <<< "$nuspec" || fail "$id names no repository"
done
grep -qx 'analyzers/dotnet/cs/Pnen.Generators.dll' <<< "$(unzip -Z1 "$feed/Pnen.Dsl.$version.nupkg")" || fail "Pnen.Dsl does not carry the generator"
grep -q 'Pnen.Generators' <<< "$(unzip -p "$feed/Pnen.Dsl.$version.nupkg" Pnen.Dsl.nuspec)" && fail "Pnen.Dsl depends on a Pnen.Generators package"
grep -q '<packageType name="DotnetTool"' <<< "$(unzip -p "$feed/Pnen.Cli.$version.nupkg" Pnen.Cli.nuspec)" || fail "Pnen.Cli is not a .NET tool"
echo "   packages $version: $(cd "$feed" && ls *.nupkg | tr '\n' ' ')"
done_step

# Everything from here on happens outside the repository, as on a newcomer's machine.
newcomer="$work/newcomer"
mkdir -p "$newcomer" "$work/home"
cd "$newcomer"

# The sources this machine already uses (what `dotnet restore` would ask), read before our own
# NuGet.config exists, then a config with the local folder for Pnen.* and those sources for the rest.
mapfile -t sources < <(dotnet nuget list source --format short | awk '$1 == "E" { print $2 }')
[ "${#sources[@]}" -gt 0 ] || fail "this machine has no enabled NuGet source"
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration>'
  echo '  <packageSources>'
  echo '    <clear />'
  echo "    <add key=\"pnen-local\" value=\"$feed\" />"
  for i in "${!sources[@]}"; do echo "    <add key=\"source$i\" value=\"${sources[$i]}\" />"; done
  echo '  </packageSources>'
  echo '  <packageSourceMapping>'
  echo '    <packageSource key="pnen-local"><package pattern="Pnen.*" /></packageSource>'
  for i in "${!sources[@]}"; do echo "    <packageSource key=\"source$i\"><package pattern=\"*\" /></packageSource>"; done
  echo '  </packageSourceMapping>'
  echo '</configuration>'
} > NuGet.config

export NUGET_PACKAGES="$work/nuget-cache"   # an empty cache: only the packages just packed can be Pnen's
export DOTNET_CLI_HOME="$work/home"          # templates and tools installed here, not in the user's home

# 2. Install the template from the local folder and create a study.
step "dotnet new install Pnen.Templates $version"
dotnet new install "$feed/Pnen.Templates.$version.nupkg" > "$work/install.log" 2>&1 || { cat "$work/install.log"; fail "dotnet new install"; }
done_step

step "dotnet new pnen-study -n MyStudy"
dotnet new pnen-study -n MyStudy || fail "dotnet new pnen-study"
cd MyStudy
grep -q "Version=\"$version\"" Directory.Packages.props || fail "the study does not reference Pnen $version"
grep -rq 'ProjectReference' MyStudy/MyStudy.csproj && fail "the study has a project reference"
[ -f MyStudy.Tests/ReportTests.Report.verified.md ] || fail "the template ships no verified snapshot"
done_step

# 3. Build: no warning at all (a generator built for a newer compiler would be CS9057), then run.
step "dotnet build (no warnings)"
dotnet build -warnaserror > "$work/build.log" 2>&1 || { grep -E 'error|warning' "$work/build.log" | sort -u | head -30; fail "dotnet build"; }
grep -q 'CS9057' "$work/build.log" && fail "CS9057: the generator does not run under this compiler"
done_step

step "dotnet run --project MyStudy"
dotnet run --project MyStudy --no-build || fail "dotnet run"
[ -s report/report.html ] || fail "no report/report.html"
[ -s report/report.md ] || fail "no report/report.md"
grep -q "Pnen $version on" report/report.md || fail "report.md does not name Pnen $version"
done_step

step "dotnet test"
dotnet test --no-build > "$work/test.log" 2>&1 || { tail -60 "$work/test.log"; fail "dotnet test"; }
grep -E 'Passed!|Failed!' "$work/test.log"
grep -Eq 'Passed!.*Failed: +0, Passed: +3,' "$work/test.log" || fail "expected the template's 3 tests to pass"
ls MyStudy.Tests/*.received.* > /dev/null 2>&1 && fail "dotnet test left a .received. snapshot"
done_step

# A name that is no C# identifier: folders keep it, the namespace becomes my_study.v2, and the
# report (so the shipped snapshot) does not depend on it.
step "dotnet new pnen-study -n my-study.v2; dotnet test"
(cd "$newcomer" && dotnet new pnen-study -n my-study.v2 > /dev/null && cd my-study.v2 && dotnet test > "$work/odd.log" 2>&1) \
  || { tail -40 "$work/odd.log"; fail "a study named my-study.v2"; }
grep -Eq 'Passed!.*Failed: +0, Passed: +3,' "$work/odd.log" || fail "expected my-study.v2's 3 tests to pass"
grep -q 'return await my_study.v2.CohortStudy.RunAsync(args);' "$newcomer/my-study.v2/my-study.v2/Program.cs" || fail "my-study.v2's Program.cs"
done_step

# 4. The pnen tool from the same folder.
step "dotnet tool install Pnen.Cli; pnen km, pnen scaffold"
# (NuGet.config maps Pnen.* to the local folder; `--add-source` cannot be combined with source mapping.)
dotnet tool install Pnen.Cli --version "$version" --tool-path "$work/tools" > "$work/tool.log" 2>&1 || { cat "$work/tool.log"; fail "dotnet tool install"; }
"$work/tools/pnen" km --data MyStudy/Data/veteran.csv --time time --event status --group trt --format md > "$work/km.md" || fail "pnen km"
grep -qi 'median' "$work/km.md" || fail "pnen km printed no median"
"$work/tools/pnen" scaffold --data MyStudy/Data/veteran.csv --name Patient --namespace MyStudy > "$work/Scaffolded.cs" || fail "pnen scaffold"
grep -q '\[Codebook\]' "$work/Scaffolded.cs" || fail "pnen scaffold printed no codebook"
done_step

# 5. A typo in the plan is an ordinary compile error.
step "a typo in the plan: the build must fail with CS1061"
grep -q 'p => p.Treatment,' MyStudy/CohortStudy.cs || fail "the plan has no 'p => p.Treatment,' to misspell"
sed -i 's/p => p\.Treatment,/p => p.Treatmnet,/' MyStudy/CohortStudy.cs
if dotnet build MyStudy > "$work/typo.log" 2>&1; then fail "the build with a typo succeeded"; fi
errors=$(grep -Eo 'error [A-Z]+[0-9]+[^[]*' "$work/typo.log" | sort -u)
echo "$errors"
grep -q "error CS1061: 'Patient' does not contain a definition for 'Treatmnet'" <<< "$errors" || fail "no CS1061 naming Treatmnet"
others=$(grep -v 'error CS1061' <<< "$errors" || true)
[ -z "$others" ] || fail "errors other than CS1061"
done_step

echo
echo "try-as-newcomer: all steps passed in $((SECONDS - start)) s"
