//! Numbers written with a fixed number of decimals (`Fixed`), the same text as `format!("{:.N}")`
//! without core's exact float formatting, which the page runs for every mark's position and
//! width (and the axis's, the viewport's) at every render and zoom step.
//!
//! Why not core's: it works out the decimal expansion of the double in big-number arithmetic, a
//! 4 KB function that the page's first render runs thousands of times. In the page it was ~3 ms of
//! the main thread in a 10k-event load, and V8 then spent 8–21 ms of a pool thread optimising it
//! (`--trace-wasm-compilation-times`), on a machine with two cores. Here the digits come from one
//! multiplication, its exact rounding error (Dekker's product) and integer formatting, and the
//! text is core's (ties to even, the sign of −0.0 and of negatives that round to zero kept) for
//! every value (core still writes the rare ones a page never holds: NaN, the infinities, 2^52
//! and up, more than 15 decimals).

use std::fmt;

/// `value` written with `decimals` decimals, as `format!("{value:.decimals$}")` writes it (a width
/// or fill asked of it is not applied: nothing here pads one).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fixed(pub f64, pub usize);

/// The most decimals worked out here: 10^15 is exact in an `f64`, and a fraction times it is
/// below 2^52, where [`rounded`] is exact. More go to core.
const MAX_DECIMALS: usize = 15;

/// From here up a double has no fraction and up to 309 digits: to core, with NaN and the
/// infinities (never a position on a page).
const TWO_POW_52: f64 = 4_503_599_627_370_496.0;

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Self(x, decimals) = *self;
        let ax = x.abs();
        if decimals > MAX_DECIMALS || ax.is_nan() || ax >= TWO_POW_52 {
            return write!(f, "{x:.decimals$}");
        }
        let scale = 10u64.pow(decimals as u32);
        let int = ax.floor();
        let n = rounded(ax - int, scale as f64, int as u64 % 2 == 1);
        let (mut whole, mut frac) = (int as u64 + n / scale, n % scale);
        // Written from the end: at most a sign, 16 digits, a point and 15 decimals.
        let mut buf = [0u8; 33];
        let mut at = buf.len();
        let mut put = |b: u8| {
            at -= 1;
            buf[at] = b;
        };
        if decimals > 0 {
            for _ in 0..decimals {
                put(b'0' + (frac % 10) as u8);
                frac /= 10;
            }
            put(b'.');
        }
        loop {
            put(b'0' + (whole % 10) as u8);
            whole /= 10;
            if whole == 0 {
                break;
            }
        }
        if x.is_sign_negative() {
            put(b'-');
        }
        f.write_str(std::str::from_utf8(&buf[at..]).map_err(|_| fmt::Error)?)
    }
}

/// `frac × scale` (`frac` in [0, 1), `scale` a power of ten up to 10^15) rounded to the nearest
/// whole number, ties to even, exactly as if worked out in decimal; `odd` says whether the
/// whole part before the fraction is odd, which decides a tie when `scale` is 1.
///
/// The product `p` is rounded to a double; [`product_error`] gives its exact error `r`
/// (`frac × scale = p + r`, `|r|` at most half a unit in the last place of `p`). `p` is below
/// 2^52, so its fraction is a whole number of those units, and unless that fraction is exactly
/// one half, `r` cannot move the sum across one half; when it is, `r`'s sign decides, and only
/// a zero `r` is a true tie.
fn rounded(frac: f64, scale: f64, odd: bool) -> u64 {
    let p = frac * scale;
    let r = product_error(frac, scale, p);
    let whole = p.floor();
    let half = (p - whole) - 0.5;
    let n = whole as u64;
    let up = if half != 0.0 {
        half > 0.0
    } else if r != 0.0 {
        r > 0.0
    } else if scale == 1.0 {
        odd
    } else {
        n % 2 == 1
    };
    n + u64::from(up)
}

/// The exact error of the rounded product `p` of `a` and `b`: `a × b − p` (Dekker's product,
/// splitting each factor into halves whose products are exact). Not `mul_add`, which WebAssembly
/// has no instruction for, so it brings a software fused multiply-add into the page (~1 KB).
/// Exact while nothing overflows or underflows: [`rounded`]'s products stay far from both.
fn product_error(a: f64, b: f64, p: f64) -> f64 {
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    ((ah * bh - p) + ah * bl + al * bh) + al * bl
}

/// A double as the sum of two with at most 26 significant bits each (Veltkamp's split).
fn split(a: f64) -> (f64, f64) {
    const FACTOR: f64 = 134_217_729.0; // 2^27 + 1
    let c = FACTOR * a;
    let high = c - (c - a);
    (high, a - high)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(x: f64, d: usize) {
        assert_eq!(
            Fixed(x, d).to_string(),
            format!("{x:.d$}"),
            "{x:?} to {d} decimals"
        );
    }

    #[test]
    fn writes_what_core_writes_for_the_hard_cases() {
        for d in 0..=4 {
            for x in [
                0.0,
                -0.0,
                0.5,
                1.5,
                2.5,
                -0.5,
                -2.5,
                0.125,
                0.375,
                0.25,
                0.35,
                1.005,
                2.675,
                -0.001,
                0.004_999_999_999_999_999,
                0.995,
                9.995,
                99.995,
                123_456.785,
                1e-9,
                -1e-9,
                0.045,
                1.45,
                1e14,
                999_999_999_999_999.0,
                5e-324,
            ] {
                same(x, d);
            }
        }
        for x in [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e15,
            4.6e15,
            2e19,
            -1e300,
        ] {
            for d in 0..=3 {
                same(x, d);
            }
        }
        same(0.123_456_789_123, 9);
        same(0.123_456_789_125, 15);
        same(0.1, 17);
        same(-3.000_000_000_000_000_4, 15);
        same(1e-15 * 5.0, 15);
        same(-4_503_599_627_370_495.5, 0);
        same(4_503_599_627_370_495.5, 15);
    }

    /// Dekker's product gives the error a fused multiply-add gives (natively, an instruction).
    #[test]
    fn product_error_is_exact() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let a = (seed >> 11) as f64 / (1u64 << 53) as f64 * 10f64.powi((seed % 24) as i32 - 8);
            for d in 0..=MAX_DECIMALS {
                let b = 10f64.powi(d as i32);
                let p = a * b;
                assert_eq!(product_error(a, b, p), a.mul_add(b, -p), "{a:?} × {b}");
            }
        }
    }

    /// Every value of the kinds the page writes: positions and widths in pixels (a mark at
    /// days × pixels-per-day, the viewport's days), over many magnitudes, and the exact ties
    /// of each precision.
    #[test]
    fn writes_what_core_writes_for_many_values() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..200_000 {
            let bits = next();
            let mantissa = (bits >> 11) as f64 / (1u64 << 53) as f64;
            let magnitude = 10f64.powi((bits % 24) as i32 - 6);
            let sign = if bits & 1 == 0 { 1.0 } else { -1.0 };
            let x = sign * mantissa * magnitude;
            same(x, (bits >> 5) as usize % 5);
            same(x.fract(), (bits >> 9) as usize % 16);
            let days = (bits % 40_000) as f64 - 20_000.0;
            let ppd = mantissa * 3.0;
            same(days * ppd + 0.5, 2);
        }
        for k in 0..20_000 {
            same(f64::from(k) / 8.0, 2);
            same(f64::from(k) / 4.0, 1);
            same(f64::from(k) / 2.0, 0);
        }
    }
}
