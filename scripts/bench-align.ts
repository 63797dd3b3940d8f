/**
 * `npm run bench:align`: time and peak memory of the aligner on a book-length pair.
 *
 * Builds a pair of ≥ 11,000 segments a side in a temporary folder by repeating the evaluation sets
 * (each repetition perturbed with a different seed: omitted, merged and split sentences), then runs,
 * each in a fresh child process and several times:
 *   - read + tokenize: read both files, split lines, split words (the floor any aligner pays);
 *   - align --presegmented: the same plus `alignSequences` over the whole sequences (what
 *     `bitext align --presegmented` does);
 *   - align raw text: paragraph texts segmented and aligned as the app does (`segmentText` + `alignText`);
 *   - open the statement: the bundled document segmented and aligned in a fresh process (the cold path
 *     of the app's first open, module loading excluded).
 * and, as the app runs the aligner (a plain `node` process, no tsx, one worker thread started from
 * built code with the align worker's resource limits, `alignSpec` in align-runner.ts):
 *   - the floor and the presegmented alignment in a worker bundled from `bench-align-worker.ts`
 *     (esbuild, as the tests and the harness bundle the workers), each timed inside the worker, with
 *     the CPU time and peak RSS of the whole process; the alignment also without the young-generation
 *     cap, to show what the cap costs and saves;
 *   - raw text through the app's own built align-worker chunk (`npm run build` first), from the
 *     worker's start to the alignment.json it posts.
 * The goal's ratios are printed for each pair: a floor and an alignment in the same kind of process.
 * Times exclude Node start-up and module loading; CPU time (user + system) is printed beside the wall
 * time, since a shared machine inflates the latter; peak memory is the child's maximum resident set
 * size (`process.resourceUsage().maxRSS`) and the heap used after the run. The machine's load average
 * is printed first: on a shared machine every ratio moves with it.
 *
 * Profile (1 December 2026, `node --cpu-prof` on one presegmented child, 11,111 × 11,107 segments):
 * before this round about 55 % of the aligner's time was the dynamic programme (forward pass and bead
 * costs 40 %, repeat corrections 12 %; 265,000 band cells over four levels, 1.5 million bead costs of
 * which only 12 % were cut by the lower bound), 25 % anchor extraction (tokenizer, bags), 10 % building
 * the sides (repeats, prefix sums, coarse levels), the rest GC and post-processing. A fresh process
 * ran the same alignment at about twice the CPU time of a warm one: the forward pass was one loop
 * over the band, run unoptimised (every double boxed: 73 of the 132 MB allocated) until replaced on
 * the stack, and compiled eight times as new branches were met on finer levels. The forward pass is
 * now one small function per row with branch-free structure costs and cheapest-first pruning; see
 * `dp.ts`.
 *
 * Second profile (evening of 1 December 2026; `--cpu-prof`, `--trace-opt --trace-deopt`, phase timers
 * on `process.cpuUsage`, the sampling heap profiler with collected objects included). CPU of one cold
 * child, by phase: anchors 35–40 % (tokenizing 160,000 words a side 60 % of that, the bags 25 %, the
 * lexicon and transliteration of the 4,000 distinct forms 15 %), sides 12 % (repeat runs, coarse
 * blocks, shape tests), the search 40–45 % (levels of 67,000, 29,000, 57,000 and 113,000 cells; the
 * coarsest, searched first, cost as much CPU as the two middle ones together, most of it run before
 * the engine's optimised code was ready; the finest, with 8 shapes and forward–backward sums, a third),
 * evidence, calibration and the untranslated test 7 %. The same alignment repeated in one process took
 * 0.6 s of CPU against 1.3–1.8 s cold: more than half of the figure here is the engine starting —
 * code run unoptimised and the optimising compiler's own thread (CPU above wall time). The trace
 * showed 102 optimisations: the forward row compiled five times (an object shape changed when the
 * pruning margin went from an integer to a fraction, the coarse problems, spread copies, met the
 * repeat corrections under a second shape, a comparison never reached on coarse levels lacked type
 * feedback on the finest), the tokenizer and the bag builder four times each (compiled on the stack,
 * then again for the Russian side). 76 MB were allocated, word strings 19 MB, the unoptimised forward
 * row 13 MB, iterator results 10 MB, beads 5 MB. Memory: the floor child already holds 88–93 MB
 * (Node, tsx, the modules, the texts); the alignment added 45–65 MB, of which the young generation
 * growing to 16 MB semispaces (driven by the allocation above), the search tables (7–8 MB live on the
 * finest level), the compiler; and the peak was read after the scoring, whose maps of the gold are
 * not the aligner's (now read before). What changed: words and marks found by the regular-expression
 * engine (native from the first call) instead of a per-character loop; one small method per unit for
 * words, bags, repeat runs and coarse blocks (compiled once from calls, not on the stack for each
 * side); the forward row's numbers in a typed array and one object shape for the corrections (two
 * compilations instead of five); 1-1 pair gains read from the row's anchor counts spread by id; no
 * iterator or growing array per word. Alignment output unchanged (`npm run eval` identical).
 *
 * Third profile (1 December 2026, 20:00–21:00, a machine loaded to 20–27 on 2 cores: wall times 4–8 s
 * against 1.2–1.6 s of CPU, so only CPU and memory were compared; each step checked by the digests of
 * `src-main/core/align/output.test.ts` and an identical `npm run eval`). On the built code (the child
 * bundled with esbuild, as the app bundles it), phase timers on `process.cpuUsage`, minimum / median of
 * six cold children, CPU ms: reading 40/45; anchors 360/430 (tokenizing, the bags, the name skeletons
 * and lexicon look-ups of 4,000 distinct forms, the lexicon parsed); sides 140/215 (the shape tests of
 * shape.ts, repeat runs); coarse blocks 50/65; the four levels 126/162 (67,000 cells, the coarsest,
 * searched first with the row still interpreted), 15/16, 32/39 and 198/268 (113,000 cells, 8 shapes,
 * forward–backward); evidence, calibration and the untranslated test 75/105. The same alignment run a
 * third time in one process: about 630 ms, the finest level 210–265 of it. So half of the cold figure
 * is still the engine warming up, and on a loaded machine more of it, since the optimising compiler's
 * thread is slow to deliver and the interpreter runs on meanwhile. `--trace-opt --trace-deopt
 * --trace-compilation-dependencies`: the forward row was compiled three times — then once on the stack
 * (the engine raises the urgency of an on-stack compilation while the first is pending) and a third
 * time because its first code depended on the pass object's fields being constant, which they stop
 * being when the next level builds its pass. The sampling heap profiler (collected objects included):
 * 85 MB allocated, of which the interpreted forward row's boxed numbers 18 MB (four scavenges on the
 * coarsest level, nothing surviving: cheap), the words' strings 18 MB, the beads' unit lists 5 MB. Peak
 * memory is reached at the end: the young generation grown to 16 MB (its growth follows the bytes that
 * survive scavenges: beads, evidence), 13–15 MB of typed arrays (the finest level's tables and the
 * coarser levels' not yet swept), code and compiler zones (`--max-semi-space-size=2` alone gives
 * −13 MB, `--no-concurrent-recompilation` −16 MB: diagnostics, not used).
 * What changed: the tokenizer scans each unit once by code unit, hashing words into a table of the forms
 * seen (no string and no map look-up per word; marks and digits counted in the same pass); the pass
 * object is built twice so that the row is compiled twice, not three times; best costs and pair gains
 * are kept for the last four rows only (a ring: the path is traced through the back pointers), two
 * band-sized tables fewer per level; bead unit lists allocated at their length; transliteration by code
 * unit through a table; the repeat runs sized by the anchor count. Measured here, six children of the
 * old and the new code interleaved (load 18–20): CPU median 1.12 → 1.03 s (least 1.05 → 0.95 s), peak
 * RSS median 135 → 120 MB (largest 137 → 123 MB); the floor 0.11–0.15 s, so the ratio is still 7–9×,
 * short of 4×. The other rows, within the noise: raw text 3.3–3.8 s of CPU before and after (peak
 * RSS 147–150 → 150–152 MB), the statement 0.30–0.34 → 0.30–0.38 s. Left: the warm-up itself (the coarsest level run interpreted, the anchors' per-form
 * string work), the finest level's forward–backward (a third of the warm time), the shape tests.
 *
 * Fourth profile (1–2 December 2026, 23:15–00:30, load 1–20; phase timers on `process.cpuUsage` in the
 * bundled child, medians of five cold children; `--trace-opt --trace-deopt`; callgrind for instruction
 * counts). Cold CPU ms by phase, before: reading 45; tokenizing 200 (English 106, Russian 90); name
 * skeletons of the 4,000 distinct forms 72; lexicon 31; bags 140; sides 250 (shape tests 103, repeat
 * runs 114, continuations and headings 32); coarse blocks 77; the levels 190, 34, 50 and 283;
 * evidence, calibration and the untranslated test 200. A third run in one process: 630 ms (tokenizing
 * 61, bags 78, the coarsest level 45, the finest 193). Where the cold time goes: (1) the optimising
 * compiler, 26 % of all instructions of a cold child (callgrind: 1.64 G of 6.28 G); (2) code run in
 * the interpreter meanwhile: the forward row is marked for optimisation after about ten rows of the
 * coarsest level, and its compilation took 25 ms on an idle machine, 176–451 ms of wall time at load
 * 10–20, while the row ran interpreted at 0.4 ms a row against 0.03 ms compiled (40–190 rows, 60–90
 * ms of CPU, and most of the boxed numbers); the repeat correction is compiled on the coarse levels,
 * which only take its early return, and is thrown away on the finest, which it then runs interpreted
 * for about 2,000 rows; every loop over the units or beads (a few dozen) pays the same toll, which is
 * why post-processing 10,000 beads costs 200 ms cold and 35 warm. (3) Tokenizing is the floor itself:
 * cold, the aligner's tokenizer costs 170–200 ms, as much as the floor child's whole run; two other
 * tokenizers measured alongside (the regular-expression engine with a map of forms; one scan of the
 * sides joined into one string) were no faster, and the second held 12 MB more. So the floor is fair
 * (the same reading and a tokenization no aligner can skip), and kept: what 4× leaves for everything
 * after tokenizing is about 2.7× the floor, less than the warm run of that part (3.5×). What changed:
 * the work only the finest level reads — the repeat runs and the list structure and scripts of both
 * sides — is left until the search is under way and done 16 rows into the coarsest level's pass, while
 * the forward row compiles on the other thread (`settleDeferred` in problem.ts; sides 250 → 60 ms,
 * the coarsest level 190 → 296 with that work inside: about −85 ms together); `solve` holds no loop
 * (the band's widest row, the trace-back and the passes are functions of their own), so it is no longer
 * compiled twice; name skeletons folded by code unit, without fourteen regular-expression replacements
 * per form or a transliterated string; coarse blocks of two units merged as two runs; the rarity counts
 * in integers; a line of dialogue found by code unit; the untranslated test reads a one-unit side as it
 * is. Output unchanged (the digests of `align/output.test.ts`, and the bench pair's beads). The
 * bench's own children on the same pair, main (with this round's accuracy work) and this tree
 * interleaved, twelve each (load 8–11): CPU median 1.65 → 1.59 s, least 1.43 → 1.38 s; peak RSS median
 * 121 → 120 MB, largest 125 → 123 MB; against the original tree (six each, load 5–16) 1.69 → 1.63 s and
 * largest 131 → 123 MB. About 10× the floor at that load. The figure moves more with the load than with any of these changes:
 * under load the compiler's thread is slow to deliver and the interpreter runs on. Left, largest
 * first: the finest level (250 ms cold, 193 warm: 113,000 cells × 8 shapes with forward–backward sums);
 * tokenizing and the bags (340 cold, 140 warm); post-processing of the beads in align.ts and
 * confidence.ts (200 cold, 35 warm, and +11 MB of RSS at the very end, where the peak is reached:
 * evidence objects and the calibration's interpreted arithmetic); the repeat correction's
 * recompilation on the finest level. Memory: the floor process holds 90–93 MB under tsx (58 MB as a
 * bundle), the aligner 28–34 MB of its own; the bench now prints that difference, and runs the floor
 * and the presegmented alignment in turns (five each) so both meet the same load.
 *
 * Fifth look (2 December 2026, 00:45–01:00, memory only; `process.memoryUsage` and `maxRSS` at phase
 * marks, `--trace-gc`, `--trace-gc-nvp`). The peak is not made by post-processing: of the aligner's
 * 17–25 MB over the RSS at the start of the search, post-processing adds 0–4 MB (the finest level's
 * tables are garbage by then but not yet swept). The rest: (1) the young generation, grown from 4 to
 * 8 MB semi-spaces by the scavenges of the anchors phase (the lines just read and the anchors' maps
 * surviving), whose fresh pages the search's allocation then touches — `--max-semi-space-size=4` gives
 * 114–116 MB against 120–124 in the same minute; (2) typed arrays, 13–20 MB held at the finest level's
 * start against 5 MB live after a collection: the coarser levels' merged bags and tables, garbage not yet
 * swept. What changed: the coarse problem is built and searched in a function of its own (`coarsePath`),
 * so its bags are garbage during the finer level's search instead of live in `alignProblem`'s frame;
 * the merged bags are views of the merge's arrays, not copies. Output unchanged (digests). Fifteen
 * children each, the tree before and after interleaved (load 9–12): peak RSS median 121.3 → 119.7 MB,
 * largest 127.9 → 123.6 MB, 6 → 9 of 15 runs at or under 120 MB; CPU median 1.61 → 1.48 s. Left for the
 * goal to hold in every run: the growth of the young generation in the anchors phase (fewer survivors
 * there), and the finest level's 5.4 MB of tables (bead costs 3.6 MB in single precision).
 *
 * Sixth look (2 December 2026, 02:15–03:10, load 5–11; the worker rows added, phase timers on
 * `process.cpuUsage` in a worker bundled as the bench's, `--trace-opt --trace-deopt`, callgrind with
 * `--single-threaded` for instruction counts that do not move with the load). Memory as the app runs
 * the aligner: in a worker thread of a plain process, from built code, the process peaks at 96 MB
 * (the floor's process 64), against 123 MB for the tsx child, whose loader thread and compiled modules
 * the floor child holds too (87–91 MB); capping the align worker's young generation at 6 MB
 * (`ALIGN_YOUNG_GENERATION_MB`, align-runner.ts) takes 104 → 96 MB, 47 scavenges instead of 15 and one
 * mark-compact, at no CPU cost the noise can show (medians 1.19 vs 1.29 s in the same bench, 1.32 vs
 * 1.30 s in seven interleaved pairs). CPU, cold, by phase (ms, median of five, before): reading 37;
 * tokenizing 184 (warm 60); lexicon concepts and name skeletons of the 4,000 distinct forms 100–140
 * (the skeletons of the Russian forms 57, all interpreted: about 25 µs a form); bags 141; weights 40;
 * sides 54; coarse blocks and the first solve's set-up 90; the finest level's deferred work 179
 * (structure tests 93, repeat runs 74); the levels 43 + 22 + 47 (coarsest: forward, backward, trace),
 * 21, 38 and 137; attaching 23, evidence 50, calibration 69 (confidence.ts), untranslated 25. Of a cold
 * child's instructions 24 % are the optimising compiler (1.5 G of 6.4 G), 113 compilations of which
 * the costliest were the bags loop (3×), the trace-back (4×), the tokenizer's word table (3×), the
 * structure tests (2×) and makeSide (4×): a loop compiled on the stack is thrown away at the code after
 * it, which has no feedback yet, or at the next side when the loop sat in a function with a closure
 * (the code was specialised to the first side's context). What changed (output unchanged: the digests
 * and the bench pair's beads): the heading, list and glued-heading tests look at a unit's first or
 * last character before they trim it or run an expression (checked equal on 420,000 strings);
 * anchorBalance counts in integers (1.9 MB of boxed numbers); the tokenizer's five mark counts go
 * through one increment (Russian's first « or „ threw the compiled scan away); the repeat runs of two
 * units are taken from those of three; makeSide's loop is a function of its own (four compilations →
 * one); beadEvidence uses index loops; a Russian word is tried only against the case endings with
 * its last letter (the skeletons of the Russian forms 54 → 40 ms); the tokenizer's loop over the units
 * is a function with nothing after it (compiled once for both sides). Instructions of the aligner's
 * work (the run less a worker that does nothing, 0.87 G): 5.52 → 5.34 G (−3 %), against the floor's
 * 0.86 G: 6.4× → 6.2×. Tried and
 * left out (measured worse): the bags of a unit as a function of their own (compiled three times,
 * larger: everything inlined), the trace-back as one call per bead (inlined into the loop anyway).
 * After merging main (the preamble cut-cost waiver, `BREAKS_*`): the finest level's forward pass
 * took 350–540 ms cold against 170, a fresh worker 1.50 s of CPU and 101 MB against 1.18 s and 94 MB
 * (six interleaved pairs): the waiver's second comparisons were short-circuited, so they had no type
 * feedback from the coarse levels (flags all 0) and the compiled row was thrown away on the finest.
 * Written as products (every comparison evaluated, the same costs): 1.06 s and 96 MB.
 * Left: 4× needs the warm work cut too (a warm run, 0.6–0.8 s, is already over 4× the floor); the
 * compiler's quarter (fewer, smaller hot functions, each met with all its branches' feedback before
 * it is compiled) and the per-form string work of the lexicon and the skeletons are the largest parts
 * a change of code can still reach.
 *
 * Seventh look (2 December 2026, 05:55–07:20, load 2–15; the thread's own CPU from
 * `/proc/thread-self/schedstat` at phase marks, in a worker bundled as the bench's; callgrind with
 * `--single-threaded`, whose counts repeat within 0.1 %; asked for a structural cut, not more tuning).
 * Where a fresh worker's thread goes (ms, median of six, before): reading 40; anchors 205 (tokenizing
 * 90, lexicon 15, name skeletons 25, bags 55); sides 45; the finest level's deferred work 90 (repeat
 * runs 60, structure tests 30); the coarsest level 60 of its own, the middle two 17 and 37, the finest
 * 170 (+ backward 18, trace 19); post-processing 120. The same alignment a third time in the worker:
 * 480–550 ms (3.5–4× the floor's CPU), the finest level 140–155 of it. Of the cold process's
 * instructions (5.93 G): code V8 generated 35 %, TurboFan 25 % (1.49 G), the V8 runtime 10 %, the
 * interpreter, inline caches and baseline code 7 %, strings 5 %, GC 4 %. The candidates, measured:
 * (1) Work that scales with the text but need not. The repeat runs read off two merges per unit
 * (where each id of unit u recurs in u + 1 and u + 2) instead of three pairwise merges and a binary
 * search per repeated id; the repeat correction — 50 ms of the finest level's forward pass, measured
 * by leaving it out — returning before any loop for the 36 % of its 124,000 calls whose runs repeat
 * nothing; `continuations`' three end-anchored expressions, which the engine tries at every position
 * of every unit, replaced by one look at the unit's last characters (`endingOf`); `endClass` by code
 * unit. Output identical (the digests; `problem.test.ts` and `shape.test.ts` check the new code
 * against the old algorithm and the expressions). Cold, each phase moved within the noise (repeat
 * runs 32 + 28 → 31 + 22 ms; the thread 851 → 828 ms, medians of six interleaved pairs at load ~15);
 * instructions of a cold run (the process, `--single-threaded`) 5.931 and 5.938 G before, 5.913 G after
 * (−0.3 %; each of the changes alone measured 5.959–5.970 G, so the parts do not add up and the
 * whole is inside what a change of code layout moves). The work they take away is small beside
 * what the engine spends running each of these loops once, cold: interpreted, then compiled. The per-form string work (lexicon and
 * name skeletons, 40 ms) is already done once per distinct form; what is left of it is warm-up too
 * (the skeleton cache makes it 0 ms in a warm worker).
 * (2) The numeric DP as WebAssembly. The forward passes of the four levels and the backward pass
 * are 300–330 ms of the cold thread; the warm-up in them (the coarsest level's rows interpreted until
 * the row is compiled) is 50–70 ms and the row's compilation about 80 ms of the compiler's thread; the
 * finest level, the largest part, runs as fast cold as warm. Wasm would save at most ~150 ms of a
 * 1.4–1.6 s cold process (about 10 %) for a second toolchain and a port that must stay bit-identical
 * (the forward sums need `exp` and `log`, which wasm does not have). Not justified by these figures,
 * and the compare worker's AssemblyScript step (h/cmp) had not landed to build on.
 * (3) The band: a half-width of 1 instead of 2 takes the finest level from 113,279 to 91,064 cells,
 * but the path then touches the band's edge and every level is searched twice: slower.
 * So no single part is large enough: a cold run is ~40 loops over the units and beads, each met
 * once, interpreted and then compiled; 4× needs that cost gone, i.e. a different way to run it — an
 * engine that compiles cheaply and early (Node 24's V8 with Maglev, as Electron 45 has, ran the same
 * alignment at 1.0–1.1 s of CPU against 1.5–1.6 in the last round's quiet bench) or the whole
 * per-unit pipeline, not the DP alone, in a compiled module. This bench after the changes (07:00, load 11): the built worker 1.559 s of
 * CPU against the floor's 0.157 s (9.9×; 11.7× in the quiet run of 05:50, 1.597 / 0.136 s), 94 / 96 MB,
 * strict F1 0.988; wall times at that load (3–5 s) say nothing.
 *
 * Seventh look (3 December 2026; one fresh process aligning the bench pair, bundled with esbuild;
 * callgrind instruction counts, which do not move with the machine's load, beside wall and CPU
 * times of old and new code run in turns). The forward and backward passes and the repeat correction
 * now run in WebAssembly (`assembly/align-dp.ts`): the same operations in the same order, with
 * `Math.exp`, `Math.log` and `Math.log1p` imported from the engine, so the output is the same bit for
 * bit (`output.test.ts`; `npm run eval` identical). The wasm forward row took 91–130 ms of a cold run
 * where the JavaScript row took 154 ms self, and nothing of it waits for the optimising compiler.
 * The first version grew the kernel's memory for each search, and the trace showed 37 "code
 * dependencies" deoptimisations against 3 before: a growth detaches the memory's old buffer, and the
 * first detached buffer of a thread invalidates V8's ArrayBufferDetaching protector, which throws away
 * every optimised function that relied on it (`--trace-protector-invalidation` shows it). The memory
 * is now made at the size the search needs before the instance (`KernelPlan`, `--importMemory`), and
 * the protector stays intact (`kernel.test.ts` checks that an alignment grows no memory). Callgrind,
 * two runs each: 6.02–6.07 G instructions before, 5.09–5.17 G with the kernel, 5.01–5.10 G with the
 * repeat correction in it too (−16 %); the optimising compiler's share 1.79 → 1.59 G. Eight runs of
 * each in turns (load 2–3, the first two of each warming the disk cache left out): wall 593–622 →
 * 488–521 ms, CPU 929–958 → 767–829 ms. What is left of a cold run is first-run JavaScript: the
 * tokenizer and bags (about 115 ms in the profile), the finest level's deferred repeats and structure
 * (50), post-processing of the beads (120), and V8's compiler thread beside them (about 1.6 G
 * instructions, 124 functions compiled).
 *
 * The floor reads the files as the aligner's child does (`readFileSync` and `split`) and finds words
 * with one regular expression per line: the same reading path, and a tokenization no aligner can skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignSequences, alignText } from '../src-main/core/align/align';
import { type GoldBead, VARIANTS, perturb, scoreMultiple } from '../src-main/core/align/evaluation';
import { segmentText } from '../src-main/core/text/segment';
import type { WorkerRowResult } from './bench-align-worker';
import { loadSets } from './eval';

const TARGET = 11_000;
/** Runs of the floor and of the presegmented alignment, taken in turns (so both meet the same load). */
const PAIRED_RUNS = 5;
/** Runs of each of the slower rows (raw text, the statement). */
const RUNS = 3;
const self = fileURLToPath(import.meta.url);

interface Measure {
  ms: number;
  /** CPU time (user + system) of the run: the machine may be shared, so wall time alone can mislead. */
  cpuMs: number;
  maxRssMB: number;
  heapMB: number;
  units: string;
}

function child(mode: string, dir: string): Measure {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let after = (): string => '';
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  let units = '';
  if (mode === 'tokenize') {
    let words = 0;
    for (const name of ['en.txt', 'ru.txt']) {
      for (const line of read(name).split('\n')) words += (line.match(/[\p{L}\p{N}]+/gu) ?? []).length;
    }
    units = `${words} words`;
  } else if (mode === 'presegmented') {
    const en = read('en.txt').split('\n');
    const ru = read('ru.txt').split('\n');
    const beads = alignSequences(en, ru);
    units = `${en.length}/${ru.length} segments, ${beads.length} beads`;
    // Scoring is not part of the task: done after the clock stops.
    after = () => `, strict F1 ${scoreMultiple([{ gold: JSON.parse(read('gold.json')) as GoldBead[], test: beads }]).f1Strict.toFixed(3)} against the concatenated gold`;
  } else if (mode === 'statement') {
    // Opening the bundled statement as the app does, in a fresh process (modules already loaded).
    const documentDir = join(fileURLToPath(new URL('..', import.meta.url)), 'resources/documents/asean-russia-covid19-2020');
    const text = (lang: string): string => readFileSync(join(documentDir, `${lang}.txt`), 'utf8');
    const aligned = alignText(segmentText('en', text('en'), { firstParagraphIsTitle: true, preambleAndOperative: true }), segmentText('ru', text('ru'), { firstParagraphIsTitle: true, preambleAndOperative: true }));
    units = `${aligned.groups.length} groups, ${aligned.groups.reduce((s, g) => s + g.rows.length, 0)} rows`;
  } else {
    const en = segmentText('en', read('en-raw.txt'));
    const ru = segmentText('ru', read('ru-raw.txt'));
    const aligned = alignText(en, ru);
    const count = (t: typeof en): number => t.paragraphs.reduce((sum, p) => sum + p.clauses.length, 0);
    units = `${en.paragraphs.length}/${ru.paragraphs.length} paragraphs, ${count(en)}/${count(ru)} clauses, ${aligned.groups.reduce((s, g) => s + g.rows.length, 0)} rows`;
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  // Memory is read before the scoring too: its maps of the gold beads are not the aligner's.
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
  units += after();
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB, heapMB, units };
}

/**
 * The worker rows: a plain `node` process (no tsx) that starts one worker thread with the given
 * resource limits and prints what it posts. `app`: the app's built align-worker chunk on the raw
 * texts, timed from the worker's start to its answer (module loading, segmenting, aligning and
 * serializing the alignment, as an import does); otherwise the bench's own worker
 * (`bench-align-worker.ts`, bundled with esbuild as the app's chunks are bundled), which times its
 * task itself.
 */
const LAUNCHER = `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
const [entry, taskJson, limitsJson, kind] = process.argv.slice(2);
const task = JSON.parse(taskJson);
const resourceLimits = JSON.parse(limitsJson);
if (kind === 'app') {
  const own = (name) => new Uint8Array(readFileSync(join(task.dir, name)));
  const texts = { en: own('en-raw.txt'), ru: own('ru-raw.txt') };
  const input = { kind: 'pair', texts, firstParagraphIsTitle: false, packed: true };
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const worker = new Worker(entry, { workerData: { task: 'align', input }, resourceLimits, transferList: [texts.en.buffer, texts.ru.buffer] });
  worker.on('message', (m) => {
    if (m.type === 'progress') return;
    if (m.type !== 'done') throw new Error(JSON.stringify(m));
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    const maxRssMB = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB, heapMB: NaN, units: (m.storedJson.length / 2 ** 20).toFixed(1) + ' MB of alignment.json' }));
    void worker.terminate();
  });
  worker.on('error', (error) => { console.error(error); process.exit(1); });
} else {
  const worker = new Worker(entry, { workerData: task, resourceLimits });
  worker.once('message', (m) => { process.stdout.write(JSON.stringify(m)); void worker.terminate(); });
  worker.on('error', (error) => { console.error(error); process.exit(1); });
}
`;

/** Writes the launcher and bundles the bench's worker into `dir`; the app's built align-worker chunk, when `npm run build` made one. */
async function buildWorkers(dir: string): Promise<{ launcher: string; worker: string; appChunk?: string }> {
  const { build: bundle } = await import('esbuild');
  const launcher = join(dir, 'launch.mjs');
  writeFileSync(launcher, LAUNCHER);
  const worker = join(dir, 'bench-align-worker.mjs');
  await bundle({ entryPoints: [fileURLToPath(new URL('./bench-align-worker.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: worker, logLevel: 'silent' });
  const chunks = fileURLToPath(new URL('../out/main/chunks/', import.meta.url));
  const chunk = existsSync(chunks) ? readdirSync(chunks).find((f) => /^align-worker-[\w-]+\.js$/u.test(f)) : undefined;
  return { launcher, worker, ...(chunk ? { appChunk: join(chunks, chunk) } : {}) };
}

function build(dir: string): { en: number; ru: number } {
  const sets = loadSets();
  const en: string[] = [];
  const ru: string[] = [];
  const enRaw: string[] = [];
  const ruRaw: string[] = [];
  const gold: GoldBead[] = [];
  for (let round = 0; en.length < TARGET || ru.length < TARGET; round++) {
    for (const set of sets) {
      const variant = VARIANTS[round % VARIANTS.length]!;
      const pair = perturb(set, variant.perturbations, 1000 + round);
      for (const bead of pair.gold) gold.push({ en: bead.en.map((i) => i + en.length), ru: bead.ru.map((j) => j + ru.length) });
      en.push(...pair.en);
      ru.push(...pair.ru);
      // Raw text: the clean set, a paragraph every four gold beads on both sides.
      for (let b = 0; b < set.gold.length; b += 4) {
        const beads = set.gold.slice(b, b + 4);
        enRaw.push(beads.flatMap((bead) => bead.en.map((i) => set.en[i]!)).join(' '));
        ruRaw.push(beads.flatMap((bead) => bead.ru.map((j) => set.ru[j]!)).join(' '));
      }
    }
  }
  writeFileSync(join(dir, 'gold.json'), JSON.stringify(gold));
  writeFileSync(join(dir, 'en.txt'), en.join('\n'));
  writeFileSync(join(dir, 'ru.txt'), ru.join('\n'));
  writeFileSync(join(dir, 'en-raw.txt'), enRaw.filter(Boolean).join('\n\n'));
  writeFileSync(join(dir, 'ru-raw.txt'), ruRaw.filter(Boolean).join('\n\n'));
  return { en: en.length, ru: ru.length };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-bench-'));
  try {
    const size = build(dir);
    const workers = await buildWorkers(dir);
    console.log(`Book-length pair: ${size.en} English and ${size.ru} Russian segments (evaluation sets repeated with perturbations), in ${dir}`);
    console.log(
      `Node ${process.version}, one process per run; each floor and its alignment ${PAIRED_RUNS} runs each, taken in turns, the other rows ${RUNS}; median times, memory median and largest. Load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores.\n`,
    );
    console.log('| task | time (median) | runs | CPU time (median) | peak RSS (median / largest) | heap after | size |');
    console.log('|---|---|---|---|---|---|---|');
    type Summary = { ms: number; cpuMs: number; leastCpuMs: number; rssMB: number; maxRssMB: number; units: string };
    const medians: Record<string, Summary> = {};
    // The align worker's limits, as the app starts it (`alignSpec`), and without the young-generation cap.
    // (Imported here, not at the top: the tsx children load this file, and the runner's modules would
    // weigh on their memory.)
    const { alignSpec, workerResourceLimits } = await import('../src-main/core/import/align-runner');
    const appLimits = JSON.stringify(workerResourceLimits(alignSpec({ path: '' })));
    const uncapped = JSON.stringify(workerResourceLimits({}));
    const tsxChild = (mode: string): Measure => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--child', mode, dir], { encoding: 'utf8' })) as Measure;
    const inWorker = (task: string, limits: string, kind = 'row', entry = workers.worker): Measure =>
      JSON.parse(execFileSync(process.execPath, [workers.launcher, entry, JSON.stringify({ mode: task, dir }), limits, kind], { encoding: 'utf8' })) as WorkerRowResult;
    const modes: Record<string, { label: string; run: () => Measure }> = {
      tokenize: { label: 'read + tokenize (tsx child)', run: () => tsxChild('tokenize') },
      presegmented: { label: 'align --presegmented (tsx child: read + align)', run: () => tsxChild('presegmented') },
      workerTokenize: { label: 'read + tokenize (built, in a worker, as the app)', run: () => inWorker('tokenize', appLimits) },
      workerPresegmented: { label: `align --presegmented (built, in a worker with the app's limits ${appLimits})`, run: () => inWorker('presegmented', appLimits) },
      workerUncapped: { label: `the same, young generation not capped ${uncapped}`, run: () => inWorker('presegmented', uncapped) },
      raw: { label: 'raw text (tsx child: read + segment + align, paragraphs first)', run: () => tsxChild('raw') },
      statement: { label: 'open the bundled statement (tsx child, cold: segment + align)', run: () => tsxChild('statement') },
      ...(workers.appChunk
        ? { app: { label: "raw text as an import runs it: the app's built align-worker chunk, from the worker's start to alignment.json", run: () => inWorker('raw', appLimits, 'app', workers.appChunk) } }
        : {}),
    };
    const runs: Record<string, Measure[]> = Object.fromEntries(Object.keys(modes).map((mode) => [mode, []]));
    const take = (mode: string): void => void runs[mode]!.push(modes[mode]!.run());
    for (let k = 0; k < PAIRED_RUNS; k++) for (const mode of ['tokenize', 'presegmented', 'workerTokenize', 'workerPresegmented', 'workerUncapped']) take(mode);
    for (const mode of ['raw', 'statement', 'app']) for (let k = 0; k < RUNS && modes[mode]; k++) take(mode);
    const middle = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    for (const [mode, { label }] of Object.entries(modes)) {
      const taken = runs[mode]!;
      const times = taken.map((r) => r.ms).sort((a, b) => a - b);
      const cpuTimes = taken.map((r) => r.cpuMs).sort((a, b) => a - b);
      const rss = taken.map((r) => r.maxRssMB);
      medians[mode] = { ms: middle(times), cpuMs: middle(cpuTimes), leastCpuMs: cpuTimes[0]!, rssMB: middle(rss), maxRssMB: Math.max(...rss), units: taken[0]!.units };
      const heap = Math.max(...taken.map((r) => r.heapMB));
      console.log(
        `| ${label} | ${(middle(times) / 1000).toFixed(3)} s | ${times.map((t) => (t / 1000).toFixed(3)).join(', ')} | ${(middle(cpuTimes) / 1000).toFixed(3)} s | ${middle(rss).toFixed(0)} / ${Math.max(...rss).toFixed(0)} MB | ${Number.isNaN(heap) ? '–' : `${heap.toFixed(0)} MB`} | ${taken[0]!.units} |`,
      );
    }
    if (!workers.appChunk) console.log("\n(no built align-worker chunk: `npm run build` first for the row of the app's own chunk)");
    // Goals of issue 13, section 3: the presegmented alignment within 4× the read + tokenize floor and
    // 120 MB, with the accuracy of `npm run eval` (strict F1 ≥ 0.97 against the concatenated gold).
    // Each alignment is compared with the floor measured in the same kind of process.
    const mark = (ok: boolean): string => (ok ? 'met' : '**not met**');
    const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}× (${(a / 1000).toFixed(3)} s / ${(b / 1000).toFixed(3)} s)`;
    console.log('\n| figure (align --presegmented, 11,000 segments a side) | measured | goal | |');
    console.log('|---|---|---|---|');
    for (const [where, floorMode, alignMode] of [
      ['tsx child', 'tokenize', 'presegmented'],
      ['built, in a worker (as the app)', 'workerTokenize', 'workerPresegmented'],
      ['built, in a worker, young generation not capped', 'workerTokenize', 'workerUncapped'],
    ] as const) {
      const floor = medians[floorMode]!;
      const align = medians[alignMode]!;
      const f1 = Number(/strict F1 ([0-9.]+)/u.exec(align.units)?.[1] ?? 'NaN');
      console.log(`| **${where}**: time / read + tokenize floor (wall) | ${ratio(align.ms, floor.ms)} | ≤ 4× (${((4 * floor.ms) / 1000).toFixed(3)} s) | ${mark(align.ms <= 4 * floor.ms)} |`);
      console.log(`| CPU time / floor CPU time | ${ratio(align.cpuMs, floor.cpuMs)} | ≤ 4× | ${mark(align.cpuMs <= 4 * floor.cpuMs)} |`);
      // The least CPU time of the runs is the one least disturbed by other processes on a loaded machine.
      console.log(`| the same, least of the runs | ${ratio(align.leastCpuMs, floor.leastCpuMs)} | ≤ 4× | ${mark(align.leastCpuMs <= 4 * floor.leastCpuMs)} |`);
      console.log(`| peak RSS of the process, median (largest) | ${align.rssMB.toFixed(0)} MB (${align.maxRssMB.toFixed(0)} MB) | ≤ 120 MB | ${mark(align.maxRssMB <= 120)} |`);
      // Most of the figure is Node (and under tsx its loader thread) and the modules: the floor's process holds it too.
      console.log(`| the aligner's own: peak RSS less the floor process's, medians | ${(align.rssMB - floor.rssMB).toFixed(0)} MB (floor process ${floor.rssMB.toFixed(0)} MB) | | |`);
      console.log(`| strict F1 against the concatenated gold | ${f1.toFixed(3)} | ≥ 0.97 | ${mark(f1 >= 0.97)} |`);
    }
    console.log('\nWall times on a shared machine vary with its load; the CPU-time ratio is the steadier figure.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') process.stdout.write(JSON.stringify(child(args[1]!, args[2]!)));
// `--build DIR` writes the book-length pair into DIR and stops (for profiling one child by hand:
// `node --cpu-prof --import tsx scripts/bench-align.ts --child presegmented DIR`).
else if (args[0] === '--build') console.log(build(args[1]!));
else await main();
