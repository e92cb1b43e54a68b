//! [`IndexedHeap`]: the addressable 4-ary min-heap behind every Dijkstra search (the one engine,
//! [`crate::analysis::sssp::Dijkstra`]), reused across searches without allocating.

use super::network::NONE;

/// Children per heap node: a 4-ary heap is shallower than a binary one and its children share a
/// cache line, which makes `pop` cheaper on the sparse graphs measured in `benches/`.
const ARITY: usize = 4;

/// A min-heap of nodes `0..n` keyed by a cost, with decrease-key.
///
/// Order is by `(cost, node)`, so among equal costs the smaller node comes out first: the pop
/// order is fully determined by the keys, and is the same as a lazy binary heap of
/// `(cost, node)` pairs that skips stale entries. Costs must not be NaN.
///
/// # Complexity
/// `push_or_decrease` and `pop` O(log |V|); `clear` O(size); space O(|V|).
#[derive(Debug, Clone, Default)]
pub(crate) struct IndexedHeap {
    /// Heap of `(cost, node)`.
    items: Vec<(f64, u32)>,
    /// Slot of each node in `items`, or [`NONE`] if it is not in the heap.
    slot: Vec<u32>,
}

impl IndexedHeap {
    /// An empty heap for nodes `0..n`. Time and space O(n).
    pub(crate) fn new(n: usize) -> Self {
        IndexedHeap {
            items: Vec::with_capacity(n.min(1 << 16)),
            slot: vec![NONE; n],
        }
    }

    /// The nodes in the heap, in no particular order. O(1) to start, O(size) to walk.
    pub(crate) fn nodes(&self) -> impl Iterator<Item = u32> + '_ {
        self.items.iter().map(|&(_, v)| v)
    }

    /// Empties the heap. O(size).
    pub(crate) fn clear(&mut self) {
        for &(_, v) in &self.items {
            self.slot[v as usize] = NONE;
        }
        self.items.clear();
    }

    /// Inserts `node` with `cost`, or lowers its cost if it is already in the heap with a higher
    /// one (a higher `cost` is ignored). O(log n).
    #[inline]
    pub(crate) fn push_or_decrease(&mut self, node: u32, cost: f64) {
        let s = self.slot[node as usize];
        let i = if s == NONE {
            self.items.push((cost, node));
            self.items.len() - 1
        } else {
            let i = s as usize;
            if !less((cost, node), self.items[i]) {
                return;
            }
            self.items[i].0 = cost;
            i
        };
        self.sift_up(i);
    }

    /// Removes and returns the `(cost, node)` with the smallest cost (then smallest node).
    /// O(log n).
    #[inline]
    pub(crate) fn pop(&mut self) -> Option<(f64, u32)> {
        let top = *self.items.first()?;
        self.slot[top.1 as usize] = NONE;
        let last = self.items.pop().expect("the heap is not empty");
        if !self.items.is_empty() {
            self.items[0] = last;
            self.sift_down(0);
        }
        Some(top)
    }

    #[inline]
    fn sift_up(&mut self, mut i: usize) {
        let item = self.items[i];
        while i > 0 {
            let parent = (i - 1) / ARITY;
            let p = self.items[parent];
            if !less(item, p) {
                break;
            }
            self.items[i] = p;
            self.slot[p.1 as usize] = i as u32;
            i = parent;
        }
        self.items[i] = item;
        self.slot[item.1 as usize] = i as u32;
    }

    #[inline]
    fn sift_down(&mut self, mut i: usize) {
        let item = self.items[i];
        let len = self.items.len();
        loop {
            let first = i * ARITY + 1;
            if first >= len {
                break;
            }
            let mut best = first;
            for c in first + 1..(first + ARITY).min(len) {
                if less(self.items[c], self.items[best]) {
                    best = c;
                }
            }
            let b = self.items[best];
            if !less(b, item) {
                break;
            }
            self.items[i] = b;
            self.slot[b.1 as usize] = i as u32;
            i = best;
        }
        self.items[i] = item;
        self.slot[item.1 as usize] = i as u32;
    }
}

/// `(cost, node)` order.
#[inline]
fn less(a: (f64, u32), b: (f64, u32)) -> bool {
    a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pops_in_cost_then_node_order_with_decrease_key() {
        let mut h = IndexedHeap::new(10);
        for (v, c) in [(3, 5.0), (1, 2.0), (7, 2.0), (4, 9.0), (0, 1.5), (9, 7.0)] {
            h.push_or_decrease(v, c);
        }
        h.push_or_decrease(4, 0.5); // decrease
        h.push_or_decrease(1, 3.0); // higher: ignored
        let mut got = Vec::new();
        while let Some((c, v)) = h.pop() {
            got.push((v, c));
        }
        assert_eq!(
            got,
            vec![(4, 0.5), (0, 1.5), (1, 2.0), (7, 2.0), (3, 5.0), (9, 7.0)]
        );
        h.push_or_decrease(2, 1.0);
        h.clear();
        assert!(h.nodes().next().is_none() && h.pop().is_none());
        h.push_or_decrease(2, 1.0);
        assert_eq!(h.pop(), Some((1.0, 2)));
    }

    /// A reference heap: the current key of every node, the minimum found by a linear scan.
    struct Scan(Vec<Option<f64>>);

    impl Scan {
        fn push_or_decrease(&mut self, v: u32, c: f64) {
            let k = &mut self.0[v as usize];
            if k.is_none_or(|old| c < old) {
                *k = Some(c);
            }
        }

        fn pop(&mut self) -> Option<(f64, u32)> {
            let (v, c) = self
                .0
                .iter()
                .enumerate()
                .filter_map(|(v, k)| k.map(|c| (v, c)))
                .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))?;
            self.0[v] = None;
            Some((c, v as u32))
        }
    }

    #[test]
    fn random_operations_match_a_linear_scan_and_a_lazy_binary_heap() {
        use std::cmp::Reverse;
        use std::collections::BinaryHeap;

        use rand::{Rng, SeedableRng};

        for seed in 0..300u64 {
            let mut rng = rand_pcg::Pcg64::seed_from_u64(seed);
            let n = rng.random_range(1..40usize);
            // Few distinct costs half of the time, so that equal costs are common.
            let few = seed % 2 == 0;
            let mut heap = IndexedHeap::new(n);
            let mut scan = Scan(vec![None; n]);
            // The lazy binary heap of `(cost, node)`: costs are non-negative, so their bits
            // order like the numbers; an entry is stale if it is not the node's current key.
            let mut lazy: BinaryHeap<Reverse<(u64, u32)>> = BinaryHeap::new();
            let mut key: Vec<Option<f64>> = vec![None; n];
            for step in 0..400 {
                let op = rng.random_range(0..10);
                if op < 6 {
                    let v = rng.random_range(0..n as u32);
                    let c = if few {
                        f64::from(rng.random_range(0..6u8))
                    } else {
                        rng.random_range(0.0..100.0)
                    };
                    heap.push_or_decrease(v, c);
                    scan.push_or_decrease(v, c);
                    if key[v as usize].is_none_or(|old| c < old) {
                        key[v as usize] = Some(c);
                        lazy.push(Reverse((c.to_bits(), v)));
                    }
                } else if op < 9 {
                    let got = heap.pop();
                    assert_eq!(got, scan.pop(), "seed {seed}, step {step}");
                    let lazy_top = loop {
                        match lazy.pop() {
                            Some(Reverse((bits, v)))
                                if key[v as usize] == Some(f64::from_bits(bits)) =>
                            {
                                key[v as usize] = None;
                                break Some((f64::from_bits(bits), v));
                            }
                            Some(_) => continue,
                            None => break None,
                        }
                    };
                    assert_eq!(got, lazy_top, "seed {seed}, step {step}");
                } else {
                    let mut inside: Vec<u32> = heap.nodes().collect();
                    inside.sort_unstable();
                    let want: Vec<u32> = (0..n as u32)
                        .filter(|&v| scan.0[v as usize].is_some())
                        .collect();
                    assert_eq!(inside, want, "seed {seed}, step {step}");
                    if rng.random_bool(0.3) {
                        heap.clear();
                        scan.0.fill(None);
                        key.fill(None);
                        lazy.clear();
                    }
                }
            }
            // Draining gives the remaining keys sorted by (cost, node).
            let mut rest: Vec<(f64, u32)> = (0..n as u32)
                .filter_map(|v| scan.0[v as usize].map(|c| (c, v)))
                .collect();
            rest.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            let drained: Vec<(f64, u32)> = std::iter::from_fn(|| heap.pop()).collect();
            assert_eq!(drained, rest, "seed {seed}");
        }
    }
}
