//! Runtime lists: own call-center numbers, block and allow lists.
