// Event coding; see events.h.
