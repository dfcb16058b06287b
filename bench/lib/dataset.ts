import {
  newDeviceRecord,
  newId,
  searchText,
  type DeviceRecord,
  type DeviceState,
  type NewDevice,
  type Platform,
  type UserRecord,
} from "@meridian/core";

/**
 * Deterministic, realistic-looking fleets for benchmarks: the same seed gives the same people and
 * devices, so runs on different machines and backends search the same data.
 */

/** Mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

/** Picks with a Zipf-like skew: the first entries are much more frequent, as real names are. */
function zipf<T>(random: Random, items: readonly T[], exponent = 0.9): T {
  const weights = items.map((_, i) => 1 / (i + 1) ** exponent);
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r <= 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

function weighted<T>(random: Random, choices: ReadonlyArray<readonly [T, number]>): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r <= 0) return value;
  }
  return choices[choices.length - 1]![0];
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export const GIVEN_NAMES = [
  "James",
  "Maria",
  "John",
  "Anna",
  "David",
  "Sarah",
  "Michael",
  "Laura",
  "Daniel",
  "Emma",
  "Thomas",
  "Sophie",
  "Lukas",
  "Julia",
  "Mohammed",
  "Fatima",
  "Wei",
  "Mei",
  "Jan",
  "Eva",
  "Peter",
  "Hannah",
  "Paul",
  "Lena",
  "Robert",
  "Olivia",
  "Carlos",
  "Lucia",
  "Ahmed",
  "Aisha",
  "Pierre",
  "Camille",
  "Giovanni",
  "Chiara",
  "Hiroshi",
  "Yuki",
  "Sven",
  "Ingrid",
  "Mateo",
  "Valentina",
  "Noah",
  "Mia",
  "Liam",
  "Amelia",
  "Oliver",
  "Isla",
  "Elijah",
  "Ava",
  "William",
  "Charlotte",
  "Benjamin",
  "Zoe",
  "Lucas",
  "Chloe",
  "Henry",
  "Grace",
  "Alexander",
  "Ella",
  "Sebastian",
  "Nora",
  "Jack",
  "Lily",
  "Samuel",
  "Freya",
  "Leo",
  "Alice",
  "Oscar",
  "Ines",
  "Hugo",
  "Elena",
  "Marco",
  "Sofia",
  "Andrea",
  "Marta",
  "Pablo",
  "Ana",
  "Diego",
  "Paula",
  "Igor",
  "Olga",
  "Dmitri",
  "Natalia",
  "Piotr",
  "Agnieszka",
  "Tomasz",
  "Katarzyna",
  "Raj",
  "Priya",
  "Arjun",
  "Ananya",
  "Kenji",
  "Sakura",
  "Min-jun",
  "Ji-woo",
  "Kwame",
  "Ama",
  "Chidi",
  "Ngozi",
  "Tariq",
  "Leila",
  "Omar",
  "Yasmin",
  "Bjorn",
  "Astrid",
  "Finn",
  "Maja",
  "Matteo",
  "Giulia",
  "Felix",
  "Clara",
  "Maximilian",
  "Marie",
  "Jonas",
  "Lea",
  "Elias",
  "Emilia",
  "Noel",
  "Ida",
  "Aaron",
  "Nina",
  "Adrian",
  "Vera",
  "Victor",
  "Rosa",
] as const;

export const FAMILY_NAMES = [
  "Smith",
  "Muller",
  "Garcia",
  "Nguyen",
  "Kim",
  "Wang",
  "Schmidt",
  "Rossi",
  "Martin",
  "Johnson",
  "Brown",
  "Lee",
  "Silva",
  "Kowalski",
  "Novak",
  "Jensen",
  "Hansen",
  "Dubois",
  "Bernard",
  "Moreau",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Becker",
  "Hoffmann",
  "Schulz",
  "Koch",
  "Richter",
  "Klein",
  "Wolf",
  "Schroder",
  "Neumann",
  "Schwarz",
  "Zimmermann",
  "Braun",
  "Kruger",
  "Hofmann",
  "Hartmann",
  "Lange",
  "Schmitt",
  "Werner",
  "Krause",
  "Meier",
  "Lehmann",
  "Williams",
  "Jones",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Hernandez",
  "Lopez",
  "Gonzalez",
  "Wilson",
  "Anderson",
  "Taylor",
  "Thomas",
  "Moore",
  "Jackson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Robinson",
  "Walker",
  "Young",
  "Allen",
  "King",
  "Wright",
  "Scott",
  "Torres",
  "Hill",
  "Flores",
  "Green",
  "Adams",
  "Nelson",
  "Baker",
  "Hall",
  "Rivera",
  "Campbell",
  "Mitchell",
  "Carter",
  "Roberts",
  "Tanaka",
  "Suzuki",
  "Takahashi",
  "Watanabe",
  "Ito",
  "Yamamoto",
  "Nakamura",
  "Kobayashi",
  "Chen",
  "Liu",
  "Zhang",
  "Li",
  "Yang",
  "Huang",
  "Zhao",
  "Wu",
  "Zhou",
  "Xu",
  "Sun",
  "Ma",
  "Park",
  "Choi",
  "Jung",
  "Kang",
  "Cho",
  "Yoon",
  "Patel",
  "Shah",
  "Singh",
  "Kumar",
  "Sharma",
  "Gupta",
  "Khan",
  "Ali",
  "Hussain",
  "Ahmed",
  "Okafor",
  "Mensah",
  "Mwangi",
  "Ivanov",
  "Petrov",
  "Smirnov",
  "Popescu",
  "Horvath",
  "Nagy",
  "Svoboda",
  "Dvorak",
  "Lindqvist",
  "Johansson",
  "Andersson",
  "Nilsson",
  "Larsen",
  "Pedersen",
  "Virtanen",
  "Korhonen",
  "OBrien",
  "Murphy",
  "Kelly",
  "Walsh",
  "Byrne",
  "Ferrari",
  "Esposito",
  "Bianchi",
  "Romano",
  "Colombo",
  "Ricci",
  "Marino",
  "Greco",
  "Costa",
  "Santos",
  "Oliveira",
  "Pereira",
  "Ferreira",
  "Almeida",
  "Carvalho",
  "Gomes",
  "Martins",
  "Rocha",
  "Dias",
  "Moreira",
  "Janssen",
  "DeVries",
  "VanDijk",
  "Bakker",
  "Visser",
  "Smit",
  "Meijer",
  "DeBoer",
  "Mulder",
  "DeGroot",
  "Bos",
  "Vos",
  "Peters",
  "Hendriks",
  "Dekker",
] as const;

/** Several domains of very different sizes: the biggest one matches about half of everyone. */
export const EMAIL_DOMAINS = [
  ["contoso.com", 45],
  ["fabrikam.com", 22],
  ["eu.contoso.com", 12],
  ["northwind-traders.co.uk", 10],
  ["tailspintoys.io", 7],
  ["adatum.de", 4],
] as const;

export interface GeneratedUsers {
  records: UserRecord[];
}

/** Users with unique emails of the forms given.family@, g.family@ and given.family2@ on several domains. */
export function generateUsers(count: number, tenantId: string, seed = 1, now = Date.now()): UserRecord[] {
  const random = seededRandom(seed);
  const used = new Set<string>();
  const records: UserRecord[] = [];
  for (let i = 0; i < count; i++) {
    const givenName = zipf(random, GIVEN_NAMES);
    const familyName = zipf(random, FAMILY_NAMES, 0.7);
    const domain = weighted(random, EMAIL_DOMAINS);
    const g = givenName.toLowerCase();
    const f = familyName.toLowerCase();
    const base = random() < 0.8 ? `${g}.${f}` : `${g[0]}${f}`;
    let local = base;
    for (let n = 2; used.has(`${local}@${domain}`); n++) local = `${base}${n}`;
    const email = `${local}@${domain}`;
    used.add(email);
    const displayName = `${givenName} ${familyName}`;
    const createdAt = now - Math.floor(random() * 730) * 86_400_000;
    records.push({
      id: newId(now),
      tenantId,
      email,
      displayName,
      givenName,
      familyName,
      source: weighted(random, [
        ["local", 70],
        ["ldap", 20],
        ["entra", 10],
      ] as const),
      externalId: null,
      createdAt,
      updatedAt: createdAt,
      // The same text UserService builds for a new user.
      searchText: searchText(email, displayName, givenName, familyName),
    });
  }
  return records;
}

const OS_VERSIONS: Record<Platform, ReadonlyArray<readonly [string, number]>> = {
  ios: [
    ["17.4.1", 20],
    ["17.5.1", 20],
    ["17.6", 10],
    ["18.0", 15],
    ["18.1", 12],
    ["16.7.8", 15],
    ["15.8.2", 8],
  ],
  macos: [
    ["14.4.1", 25],
    ["14.5", 20],
    ["15.0.1", 20],
    ["13.6.7", 25],
    ["12.7.5", 10],
  ],
  android: [
    ["14", 40],
    ["13", 30],
    ["12", 15],
    ["11", 10],
    ["10", 5],
  ],
  windows: [
    ["10.0.22631", 45],
    ["10.0.22621", 15],
    ["10.0.19045", 30],
    ["10.0.26100", 10],
  ],
};

const MODELS: Record<Platform, ReadonlyArray<readonly [string, string, number]>> = {
  ios: [
    ["iPhone 15 Pro", "Apple", 25],
    ["iPhone 14", "Apple", 25],
    ["iPhone 13", "Apple", 20],
    ["iPhone SE (3rd generation)", "Apple", 10],
    ["iPad Air (5th generation)", "Apple", 12],
    ["iPad Pro 11-inch", "Apple", 8],
  ],
  macos: [
    ["MacBook Pro (14-inch, M3)", "Apple", 35],
    ["MacBook Air (M2)", "Apple", 40],
    ["iMac (24-inch, M3)", "Apple", 10],
    ["Mac mini (M2)", "Apple", 15],
  ],
  android: [
    ["Galaxy S23", "Samsung", 30],
    ["Galaxy A54", "Samsung", 25],
    ["Pixel 8", "Google", 20],
    ["Pixel 7a", "Google", 10],
    ["Galaxy Tab S9", "Samsung", 10],
    ["TC52", "Zebra", 5],
  ],
  windows: [
    ["Latitude 7440", "Dell", 30],
    ["ThinkPad T14 Gen 4", "Lenovo", 30],
    ["Surface Laptop 5", "Microsoft", 15],
    ["EliteBook 840 G10", "HP", 20],
    ["OptiPlex 7010", "Dell", 5],
  ],
};

const STATES: ReadonlyArray<readonly [DeviceState, number]> = [
  ["active", 80],
  ["inactive", 10],
  ["enrolling", 3],
  ["lost", 1],
  ["retired", 4],
  ["wiped", 2],
];
const ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

const chars = (random: Random, alphabet: string, n: number) =>
  Array.from({ length: n }, () => pick(random, [...alphabet])).join("");

/** A 15-digit IMEI with a valid Luhn check digit. */
function imei(random: Random): string {
  const digits = [3, 5, ...Array.from({ length: 12 }, () => Math.floor(random() * 10))];
  const sum = digits.reduce((acc, d, i) => {
    const v = i % 2 === 1 ? d * 2 : d;
    return acc + (v > 9 ? v - 9 : v);
  }, 0);
  return [...digits, (10 - (sum % 10)) % 10].join("");
}

function serial(random: Random, manufacturer: string): string {
  switch (manufacturer) {
    case "Apple":
      return chars(random, ALNUM, random() < 0.5 ? 10 : 12);
    case "Samsung":
      return `R5${chars(random, ALNUM, 9)}`;
    case "Dell":
      return chars(random, ALNUM, 7);
    case "Lenovo":
      return `PF${chars(random, ALNUM, 6)}`;
    case "Microsoft":
      return chars(random, "0123456789", 12);
    default:
      return chars(random, ALNUM, 10);
  }
}

export interface Owner {
  id: string;
  givenName: string | null;
}

/** Devices across four platforms; nine in ten have an owner among `owners`, some owners have several. */
export function generateDevices(
  count: number,
  tenantId: string,
  owners: readonly Owner[],
  seed = 2,
  now = Date.now(),
): DeviceRecord[] {
  const random = seededRandom(seed);
  const records: DeviceRecord[] = [];
  for (let i = 0; i < count; i++) {
    const platform = weighted<Platform>(random, [
      ["ios", 35],
      ["android", 30],
      ["windows", 22],
      ["macos", 13],
    ]);
    const [model, manufacturer] = weighted(
      random,
      MODELS[platform].map(([m, maker, w]) => [[m, maker] as const, w] as const),
    );
    const owner = random() < 0.9 && owners.length > 0 ? pick(random, owners) : undefined;
    const serialNumber = serial(random, manufacturer);
    const phone = /iPhone|Galaxy S|Galaxy A|Pixel/.test(model);
    const name =
      platform === "windows"
        ? `${random() < 0.6 ? "LAPTOP" : "DESKTOP"}-${chars(random, ALNUM, 7)}`
        : owner?.givenName && random() < 0.7
          ? `${owner.givenName}'s ${model.split(" (")[0]}`
          : `${model} ${serialNumber.slice(-4)}`;
    const state = weighted(random, STATES);
    const input: NewDevice = {
      name,
      platform,
      ownership: weighted(random, [
        ["corporate", 75],
        ["personal", 20],
        ["unknown", 5],
      ] as const),
      model,
      manufacturer,
      osVersion: weighted(random, OS_VERSIONS[platform]),
      serialNumber,
      imei: phone ? imei(random) : undefined,
      state,
      ownerUserId: owner?.id,
    };
    const enrolledAt = now - Math.floor(random() * 730 * 86_400_000);
    const record = newDeviceRecord(tenantId, input, enrolledAt);
    const quiet = state === "active" || state === "enrolling" ? random() * 3 : 30 + random() * 300;
    record.lastSeenAt = Math.max(enrolledAt, now - Math.floor(quiet * 86_400_000));
    records.push(record);
  }
  return records;
}
