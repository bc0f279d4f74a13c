fn main() -> std::process::ExitCode {
    rewind::cli::main(&[rewind::domain::<shop::Order>()])
}
