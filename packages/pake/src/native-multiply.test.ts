import { p256 } from "@noble/curves/nist.js";
import { describe, expect, it } from "vitest";
import { multiplyGenerator, multiplyPoint } from "./native-multiply.js";
import { G, GROUP_ORDER, M, N, randomScalar } from "./p256-group.js";

describe("P-256 multiplication on OpenSSL", () => {
  it("agrees with the pure-JavaScript arithmetic for random points and scalars", () => {
    for (let i = 0; i < 100; i++) {
      const point = G.multiply(randomScalar());
      const scalar = randomScalar();
      expect(multiplyPoint(point, scalar).equals(point.multiply(scalar))).toBe(true);
      expect(multiplyGenerator(scalar).equals(G.multiply(scalar))).toBe(true);
    }
  });

  it("agrees on the protocol's fixed points M and N", () => {
    for (let i = 0; i < 20; i++) {
      const scalar = randomScalar();
      expect(multiplyPoint(M, scalar).equals(M.multiply(scalar))).toBe(true);
      expect(multiplyPoint(N, scalar).equals(N.multiply(scalar))).toBe(true);
    }
  });

  it("handles the edge scalars where the chord rule would divide by zero", () => {
    const point = G.multiply(987654321n);
    for (const scalar of [1n, 2n, GROUP_ORDER - 2n, GROUP_ORDER - 1n]) {
      expect(multiplyPoint(point, scalar).equals(point.multiply(scalar))).toBe(true);
      expect(multiplyGenerator(scalar).equals(G.multiply(scalar))).toBe(true);
    }
  });

  it("refuses the scalars the arithmetic refuses", () => {
    expect(() => multiplyPoint(M, 0n)).toThrow();
    expect(() => multiplyPoint(M, GROUP_ORDER)).toThrow();
    expect(() => multiplyGenerator(0n)).toThrow();
  });

  it("gives the identity's multiples as the identity would", () => {
    expect(() => multiplyPoint(p256.Point.ZERO, 5n)).not.toThrow();
    expect(multiplyPoint(p256.Point.ZERO, 5n).is0()).toBe(true);
  });
});
