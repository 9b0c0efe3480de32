"""The client's slots for remote jobs (aot_tool/remote/slots.py) follow the cluster's
thread count: a worker that joins during a run takes jobs; threads that left stop
counting; a failed read keeps the last count. No cluster needed: the count and the
clock are the test's."""

from __future__ import annotations

import threading

from aot_tool.remote.slots import ClusterSlots


class Fake:
    def __init__(self, threads: int) -> None:
        self.threads, self.now, self.reads = threads, 0.0, 0

    def count(self) -> int:
        self.reads += 1
        if self.threads is None:
            raise OSError("scheduler busy")
        return self.threads

    def clock(self) -> float:
        return self.now


def test_a_joining_worker_lets_a_waiting_job_in():
    fake = Fake(1)
    slots = ClusterSlots(fake.count, refresh=0.05, clock=fake.clock)
    entered = threading.Event()

    def second():
        with slots:
            entered.set()

    with slots:
        waiter = threading.Thread(target=second)
        waiter.start()
        assert not entered.wait(0.3)          # one thread: the second job waits
        fake.threads, fake.now = 2, 10.0      # a worker joins; the next read sees it
        assert entered.wait(5)
        waiter.join(5)
    assert (slots.capacity, slots.peak, slots.busy) == (2, 2, 0)


def test_the_count_is_read_at_most_once_per_refresh():
    fake = Fake(4)
    slots = ClusterSlots(fake.count, refresh=2.0, clock=fake.clock)
    for _ in range(10):
        with slots:
            pass
    assert fake.reads == 1                    # only at start: the clock did not move
    fake.now = 3.0
    with slots:
        pass
    assert fake.reads == 2


def test_workers_that_leave_stop_counting_and_a_failed_read_keeps_the_count():
    fake = Fake(3)
    slots = ClusterSlots(fake.count, refresh=1.0, clock=fake.clock)
    fake.threads, fake.now = 1, 5.0
    with slots:
        assert slots.capacity == 1
    fake.threads, fake.now = None, 10.0       # the read fails
    with slots:
        assert slots.capacity == 1
    fake.threads, fake.now = 0, 20.0          # no workers at all: one slot, the job's deadline decides
    with slots:
        assert slots.capacity == 1


def test_a_refresh_of_zero_reads_once_per_job_and_still_admits():
    fake = Fake(2)
    slots = ClusterSlots(fake.count, refresh=0.0, clock=fake.clock)
    with slots:
        with slots:
            assert slots.busy == 2
    assert fake.reads == 3                    # at start, then once for each job


def test_a_slow_scheduler_does_not_keep_slots_from_being_given_back():
    gate, asking = threading.Event(), threading.Event()
    fake = Fake(1)
    slots = ClusterSlots(fake.count, refresh=1.0, clock=fake.clock)

    def slow_count():
        asking.set()
        gate.wait(10)
        return 1

    slots._threads_now = slow_count
    with slots:
        fake.now = 5.0                        # the next job asks the scheduler, which hangs
        asker = threading.Thread(target=lambda: slots.__enter__())
        asker.start()
        assert asking.wait(5)
    assert slots.busy == 0                    # the release did not wait for the answer
    gate.set()
    asker.join(5)
    assert slots.busy == 1
