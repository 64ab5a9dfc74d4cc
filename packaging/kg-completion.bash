# bash completion for kg: commands, then the options of the command typed,
# read from kg's own --help so that they never fall behind the program.
# Installed as share/bash-completion/completions/kg.
_kg() {
  local current=${COMP_WORDS[COMP_CWORD]}
  local kg=${COMP_WORDS[0]}
  local command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -*) ;;
      *) command=${COMP_WORDS[i]}; break ;;
    esac
  done
  local words
  if [[ -z $command ]]; then
    if [[ $current == -* ]]; then
      words="--help --version"
    else
      # The lines under "Subcommands:": two spaces, a name.
      words=$("$kg" --help 2>/dev/null | sed -n '/^Subcommands:/,$ s/^  \([a-z][a-z-]*\) .*/\1/p')
    fi
  elif [[ $current == -* ]]; then
    # Every --long option the command's help lists, with any short form.
    words=$("$kg" "$command" --help 2>/dev/null | grep -o -- '^ *-[^ ]*' | tr ',' '\n' | sed 's/^ *//' | grep -- '^-')
  else
    COMPREPLY=($(compgen -f -- "$current"))
    return 0
  fi
  COMPREPLY=($(compgen -W "$words" -- "$current"))
}
complete -o default -F _kg kg
