#!/bin/bash
# Measures the reader in tmux: start to first frame and to the library on screen, and,
# with a query, keystroke-to-redrawn-results in the search box (typed one character at a
# time). Timings come from the file named by CROSSCHECK_TIMINGS, written by the reader.
# usage: cc-measure.sh BIN CORPUS INDEXDIR TIMINGS [query]
BIN=$1; CORPUS=$2; IDX=$3; T=$4; Q=$5
D=$(mktemp -d); SOCK=$D/s
tmux -u -f /dev/null -S $SOCK new-session -d -s m -x 100 -y 30 "env CROSSCHECK_TIMINGS=$T XDG_CONFIG_HOME=$D/c XDG_CACHE_HOME=$D/k XDG_DATA_HOME=$D/d $BIN --index $IDX read $CORPUS; echo EXIT=\$? > $D/exit"
until tmux -S $SOCK capture-pane -p -t m | grep -q "articles,"; do sleep 0.02; done
if [ -n "$Q" ]; then
  tmux -S $SOCK send-keys -t m /
  until tmux -S $SOCK capture-pane -p -t m | grep -q "Type to search"; do sleep 0.02; done
  typed=""
  for ((i=0;i<${#Q};i++)); do c=${Q:$i:1}; typed="$typed$c"
    tmux -S $SOCK send-keys -l -t m "$c"
    until tmux -S $SOCK capture-pane -p -t m | grep -q "for “$typed”"; do sleep 0.01; done
    sleep 0.2
  done
  tmux -S $SOCK capture-pane -p -t m | head -12
  tmux -S $SOCK send-keys -t m Escape; sleep 0.3
fi
tmux -S $SOCK send-keys -t m q
until [ -f $D/exit ]; do sleep 0.02; done
cat $D/exit; cat $T; rm -rf $D
