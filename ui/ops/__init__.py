"""Run database and device calls off the GUI thread: the one way the GUI does blocking work.

Every call that may block (a database query, a use case, a card terminal, a printer) goes
through :class:`ui.ops.op.Op`::

    Op(self, lambda: payments.list_for_folio(session, folio_id)) \\
        .success(self._show_payments) \\
        .busy(self.refresh_button) \\
        .run()

A function that takes one argument receives a :class:`~ui.ops.pools.TaskState` to report
progress and to check for cancellation (cooperatively: no thread is ever killed)::

    def wait_for_card(state: TaskState) -> Authorisation:
        for left in range(30, 0, -1):
            state.report(None, f"Present the card ({left} s)")
            state.raise_if_cancelled()
            ...

    Op(self, wait_for_card, pool=terminal_pool()).with_progress_dialog("Card payment").run()

.. warning::
   ``fn`` runs on a worker thread. **Never touch a widget inside it** (no reading a line edit,
   no setting a label, no QPixmap): read the values you need before creating the Op, pass plain
   values in, and update widgets only in the ``success``/``failure``/``progress`` callbacks,
   which always run on the GUI thread.

The parts:

- :mod:`ui.ops.op`: :class:`~ui.ops.op.Op` itself, configured fluently and run once.
- :mod:`ui.ops.pools`: the worker threads (:class:`~ui.ops.pools.WorkerPool`), the one-thread
  :func:`~ui.ops.pools.database_pool` and the devices' :func:`~ui.ops.pools.named_pool`;
  :class:`~ui.ops.pools.TaskState` and :class:`~ui.ops.pools.Cancelled`.
- :mod:`ui.ops.delivery`: outcomes and progress brought to the GUI thread, garbage collection
  there, the running ops (:func:`~ui.ops.delivery.wait_all`, :func:`~ui.ops.delivery.cancel_all`)
  and the workers' end at exit.
- :mod:`ui.ops.feedback`: busy widgets, the wait cursor, the progress dialog and
  :func:`~ui.ops.feedback.show_error`.
"""
