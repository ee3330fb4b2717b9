// A person-level register extract for benchmarks: millions of rows, written in chunks so that memory
// stays flat whatever N is.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Random } from './random.js';
import {
  ageBands,
  ageRanges,
  ageShares,
  districts,
  foreignShareIn,
  migrationShareIn,
  residentsIn,
  years,
} from './town.js';

const chunkBytes = 1 << 20;

export async function writePersonRows(random: Random, rows: number, file: string): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let chunk = 'year;person_id;district;sex;age;migration;nationality\n';
  let written = 0;
  for (const [y, year] of years.entries()) {
    // Spread the rows evenly over the years; the last year takes the remainder.
    const perYear = y === years.length - 1 ? rows - written : Math.floor(rows / years.length);
    const districtWeights = districts.map((d) => residentsIn(d, year));
    for (let id = 1; id <= perYear; id++) {
      const district = districts[random.pick(districtWeights)]!;
      const mit = random.next() * 100 < migrationShareIn(district, year);
      const band = ageBands[random.pick(ageShares[mit ? 'mit' : 'ohne'])]!;
      const [low, high] = ageRanges[band];
      const age = low + Math.floor(random.next() * (high - low + 1));
      const sex = random.next() < 0.5 ? 'w' : 'm';
      const nationality = mit && random.next() < foreignShareIn(year) ? 'nichtdeutsch' : 'deutsch';
      chunk += `${year};${id};${district.name};${sex};${age};${mit ? 'mit' : 'ohne'};${nationality}\n`;
      if (chunk.length >= chunkBytes) {
        await write(chunk);
        chunk = '';
      }
    }
    written += perYear;
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
}
