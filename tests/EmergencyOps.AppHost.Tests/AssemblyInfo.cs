// Each class starts a whole system: one at a time on a two-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
