/**
 * RFC 7541 Appendix C: header blocks and what they decode to, in sequence on one connection (each
 * block relies on the dynamic table the ones before it left). Spec test vectors, kept as data.
 */
export interface Example {
  name: string;
  hex: string;
  fields: Array<[string, string]>;
  /** The dynamic table's size in octets after the block. */
  tableSize: number;
}

const requests: Array<Array<[string, string]>> = [
  [
    [":method", "GET"],
    [":scheme", "http"],
    [":path", "/"],
    [":authority", "www.example.com"],
  ],
  [
    [":method", "GET"],
    [":scheme", "http"],
    [":path", "/"],
    [":authority", "www.example.com"],
    ["cache-control", "no-cache"],
  ],
  [
    [":method", "GET"],
    [":scheme", "https"],
    [":path", "/index.html"],
    [":authority", "www.example.com"],
    ["custom-key", "custom-value"],
  ],
];

const responses: Array<Array<[string, string]>> = [
  [
    [":status", "302"],
    ["cache-control", "private"],
    ["date", "Mon, 21 Oct 2013 20:13:21 GMT"],
    ["location", "https://www.example.com"],
  ],
  [
    [":status", "307"],
    ["cache-control", "private"],
    ["date", "Mon, 21 Oct 2013 20:13:21 GMT"],
    ["location", "https://www.example.com"],
  ],
  [
    [":status", "200"],
    ["cache-control", "private"],
    ["date", "Mon, 21 Oct 2013 20:13:22 GMT"],
    ["location", "https://www.example.com"],
    ["content-encoding", "gzip"],
    ["set-cookie", "foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1"],
  ],
];

/** C.2: one field each, on a fresh table. */
export const SINGLE_FIELDS: Example[] = [
  {
    name: "C.2.1 literal with indexing",
    hex: "400a637573746f6d2d6b65790d637573746f6d2d686561646572",
    fields: [["custom-key", "custom-header"]],
    tableSize: 55,
  },
  {
    name: "C.2.2 literal without indexing",
    hex: "040c2f73616d706c652f70617468",
    fields: [[":path", "/sample/path"]],
    tableSize: 0,
  },
  {
    name: "C.2.3 literal never indexed",
    hex: "100870617373776f726406736563726574",
    fields: [["password", "secret"]],
    tableSize: 0,
  },
  { name: "C.2.4 indexed", hex: "82", fields: [[":method", "GET"]], tableSize: 0 },
];

/** C.3: requests without Huffman coding. */
export const REQUESTS_PLAIN: Example[] = [
  { name: "C.3.1", hex: "828684410f7777772e6578616d706c652e636f6d", fields: requests[0]!, tableSize: 57 },
  { name: "C.3.2", hex: "828684be58086e6f2d6361636865", fields: requests[1]!, tableSize: 110 },
  {
    name: "C.3.3",
    hex: "828785bf400a637573746f6d2d6b65790c637573746f6d2d76616c7565",
    fields: requests[2]!,
    tableSize: 164,
  },
];

/** C.4: the same requests, Huffman-coded. */
export const REQUESTS_HUFFMAN: Example[] = [
  { name: "C.4.1", hex: "828684418cf1e3c2e5f23a6ba0ab90f4ff", fields: requests[0]!, tableSize: 57 },
  { name: "C.4.2", hex: "828684be5886a8eb10649cbf", fields: requests[1]!, tableSize: 110 },
  {
    name: "C.4.3",
    hex: "828785bf408825a849e95ba97d7f8925a849e95bb8e8b4bf",
    fields: requests[2]!,
    tableSize: 164,
  },
];

/** C.5: responses without Huffman coding, with a 256-octet table, so entries are evicted. */
export const RESPONSES_PLAIN: Example[] = [
  {
    name: "C.5.1",
    hex:
      "4803333032580770726976617465611d4d6f6e2c203231204f637420323031332032303a31333a323120474d54" +
      "6e1768747470733a2f2f7777772e6578616d706c652e636f6d",
    fields: responses[0]!,
    tableSize: 222,
  },
  { name: "C.5.2", hex: "4803333037c1c0bf", fields: responses[1]!, tableSize: 222 },
  {
    name: "C.5.3",
    hex:
      "88c1611d4d6f6e2c203231204f637420323031332032303a31333a323220474d54c05a04677a69707738666f6f" +
      "3d4153444a4b48514b425a584f5157454f50495541585157454f49553b206d61782d6167653d333630303b2076" +
      "657273696f6e3d31",
    fields: responses[2]!,
    tableSize: 215,
  },
];

/** C.6: the same responses, Huffman-coded. */
export const RESPONSES_HUFFMAN: Example[] = [
  {
    name: "C.6.1",
    hex:
      "488264025885aec3771a4b6196d07abe941054d444a8200595040b8166e082a62d1bff6e919d29ad171863c78f" +
      "0b97c8e9ae82ae43d3",
    fields: responses[0]!,
    tableSize: 222,
  },
  { name: "C.6.2", hex: "4883640effc1c0bf", fields: responses[1]!, tableSize: 222 },
  {
    name: "C.6.3",
    hex:
      "88c16196d07abe941054d444a8200595040b8166e084a62d1bffc05a839bd9ab77ad94e7821dd7f2e6c7b335df" +
      "dfcd5b3960d5af27087f3672c1ab270fb5291f9587316065c003ed4ee5b1063d5007",
    fields: responses[2]!,
    tableSize: 215,
  },
];
